-- The order a binding was made for (order-service releases it when that order is cancelled), what it should
-- serve (the linked certificate's SHA-256 fingerprint) and what a TLS handshake to its IP:port with the domain as
-- SNI last found there.
alter table binding add column order_id varchar(32);
alter table binding add column certificate_fingerprint varchar(95);
alter table binding add column probe_status varchar(16) not null default 'NOT_PROBED'
    check (probe_status in ('NOT_PROBED', 'SERVED', 'MISMATCH', 'UNREACHABLE'));
alter table binding add column probed_at timestamp(6) with time zone;
alter table binding add column served_fingerprint varchar(95);
alter table binding add column probe_detail varchar(500);
create index binding_domain on binding (domain);
create index binding_order on binding (order_id) where order_id is not null;
