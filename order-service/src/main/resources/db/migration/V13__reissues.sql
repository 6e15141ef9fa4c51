-- Reissues inside a paid term (CA/Browser Forum ballot SC-081: certificates live at most 200, then 100, then 47
-- days, so a "1 year" term is covered by several certificates). A REISSUE order is made by order-service itself,
-- free of charge and without a quote, for the term whose certificate reaches its reissue time.
alter table orders drop constraint orders_order_type_check;
alter table orders add constraint orders_order_type_check check (order_type in ('NEW', 'RENEWAL', 'REISSUE'));
alter table orders drop constraint orders_check;
-- a RENEWAL names the certificate it renews, a REISSUE the one it replaces
alter table orders add constraint orders_renews_check
    check ((order_type in ('RENEWAL', 'REISSUE')) = (renews_certificate_id is not null));
alter table orders alter column quote_id drop not null;
alter table orders add constraint orders_quote_check check ((order_type = 'REISSUE') = (quote_id is null));
-- the paid term a REISSUE order keeps covered
alter table orders add column term_id bigint references certificate_term (id);
alter table orders add constraint orders_term_check check ((order_type = 'REISSUE') = (term_id is not null));
create index orders_term on orders (term_id) where term_id is not null;
alter table orders add column certificate_valid_from timestamp(6) with time zone;
create index orders_certificate on orders (certificate_id) where certificate_id is not null;

-- when the current certificate was issued, when it is to be replaced (reissue_at: from its lifetime, or the CA's
-- renewal information for ACME), the reissue under way, when to ask the ACME CA again, and the certificate staff
-- were last alerted about
alter table certificate_term add column certificate_valid_from timestamp(6) with time zone;
alter table certificate_term add column reissue_at timestamp(6) with time zone;
alter table certificate_term add column reissue_order_id bigint references orders (id);
alter table certificate_term add column ari_check_at timestamp(6) with time zone;
alter table certificate_term add column ari_window_start timestamp(6) with time zone;
alter table certificate_term add column ari_window_end timestamp(6) with time zone;
alter table certificate_term add column alerted_certificate_id varchar(64);
alter table certificate_term add column issuer varchar(8);
update certificate_term t set issuer = p.issuer from product p where p.code = t.product_code;
alter table certificate_term alter column issuer set not null;
-- the reissue job reads only what is due, by time
create index certificate_term_reissue on certificate_term (reissue_at, id)
    where state = 'ACTIVE' and reissue_at is not null and reissue_order_id is null;
create index certificate_term_ari on certificate_term (ari_check_at, id)
    where state = 'ACTIVE' and ari_check_at is not null;
create index certificate_term_expiry on certificate_term (certificate_expires_at, id) where state = 'ACTIVE';

-- A product may keep the key over reissues (some customers pin it); a new key each time is the default.
alter table product add column reuse_key boolean not null default false;

-- OV/EV reissues reuse the organisation validation while the CA still honours it (subject identity information
-- may be reused for 398 days); when it has lapsed, the reissue goes through the documents and the call again.
alter table customer add column organisation_validated_until date;

alter table notice_outbox drop constraint notice_outbox_kind_check;
alter table notice_outbox add constraint notice_outbox_kind_check
    check (kind in ('PAYMENT_CONFIRMED', 'OWNER_QUESTIONS', 'RENEWAL_DUE', 'TERM_ENDED', 'CERTIFICATE_REISSUED',
                    'STAFF_ALERT'));
