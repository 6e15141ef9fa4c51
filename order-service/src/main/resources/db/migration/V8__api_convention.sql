-- Idempotency-Key for every non-idempotent POST (platform.Idempotency): the key's row is written in the same
-- transaction as the work it guards, with the answer to replay. Same table in the three services.
create table idempotency_record (
    caller          varchar(200)  not null,
    idempotency_key varchar(200)  not null,
    operation       varchar(2100) not null,
    fingerprint     char(64)      not null,
    status          integer       not null,
    location        varchar(2000),
    body            text,
    created_at      timestamptz   not null,
    primary key (caller, idempotency_key)
);
create index idempotency_record_created_at on idempotency_record (created_at);

-- Payments used their own idempotency check; the shared mechanism above replaces it. The key stays on the payment
-- row as a reference (who sent it twice is answered from idempotency_record), no longer unique or required.
alter table payment drop constraint payment_idempotency_key_unique;
alter table payment alter column idempotency_key drop not null;
alter table payment drop column request_hash;

-- The payment that completes an invoice is the command RECORD_PAYMENT (the recordPayment operation), not "PAY".
update orders set last_command = 'RECORD_PAYMENT' where last_command = 'PAY';
update order_event set command = 'RECORD_PAYMENT' where command = 'PAY';
