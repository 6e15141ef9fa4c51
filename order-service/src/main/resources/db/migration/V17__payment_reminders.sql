-- A reminder when an invoice is still open after its due date: once per invoice, on the first business day after it.
alter table invoice add column reminded_on date;
create index invoice_open_due on invoice (due_date, id) where status = 'OPEN' and reminded_on is null;
alter table notice_outbox drop constraint notice_outbox_kind_check;
alter table notice_outbox add constraint notice_outbox_kind_check
    check (kind in ('PAYMENT_CONFIRMED', 'OWNER_QUESTIONS', 'RENEWAL_DUE', 'TERM_ENDED', 'CERTIFICATE_REISSUED',
                    'STAFF_ALERT', 'INVOICE_ISSUED', 'PAYMENT_PARTIAL', 'DOCUMENTS_REQUESTED', 'DOCUMENT_REJECTED',
                    'CALL_SLOT_PROPOSED', 'CALL_SLOT_CONFIRMED', 'CERTIFICATE_INSTALLED', 'PAYMENT_REMINDER'));
