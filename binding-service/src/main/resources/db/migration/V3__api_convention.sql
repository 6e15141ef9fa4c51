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
