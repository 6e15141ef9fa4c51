-- Every notice the process sends the customer (issue 16): partial payment, documents requested and rejected, the CA's
-- call proposed and confirmed, the certificate installed.
alter table notice_outbox drop constraint notice_outbox_kind_check;
alter table notice_outbox add constraint notice_outbox_kind_check
    check (kind in ('PAYMENT_CONFIRMED', 'OWNER_QUESTIONS', 'RENEWAL_DUE', 'TERM_ENDED', 'CERTIFICATE_REISSUED',
                    'STAFF_ALERT', 'INVOICE_ISSUED', 'PAYMENT_PARTIAL', 'DOCUMENTS_REQUESTED', 'DOCUMENT_REJECTED',
                    'CALL_SLOT_PROPOSED', 'CALL_SLOT_CONFIRMED', 'CERTIFICATE_INSTALLED'));
