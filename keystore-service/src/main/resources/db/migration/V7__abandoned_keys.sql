-- A key made for an order that was cancelled before it got a certificate is abandoned: it stays in custody and on
-- the audit trail, but is never used, exported or revealed again.
alter table managed_key add column abandoned_at timestamp(6) with time zone;
alter table managed_key add column abandoned_by varchar(200);
alter table managed_key add column abandon_reason varchar(500);
