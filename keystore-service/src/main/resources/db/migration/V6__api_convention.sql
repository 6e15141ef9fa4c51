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

-- One id per concept: keys and certificates name the order-service order by its OrderId ("1", "2", ...). Free-text
-- references of another form name no order and are dropped.
alter table managed_key rename column order_ref to order_id;
alter table certificate rename column order_ref to order_id;
update managed_key set order_id = null where order_id !~ '^[1-9][0-9]{0,17}$';
update certificate set order_id = null where order_id !~ '^[1-9][0-9]{0,17}$';
create index managed_key_order_id on managed_key (order_id) where order_id is not null;
create index certificate_order_id on certificate (order_id) where order_id is not null;
