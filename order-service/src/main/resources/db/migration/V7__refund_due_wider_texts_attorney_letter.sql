-- The CA-fee line names the product (up to 200 characters) and the domain (up to 253 in punycode): 200 was too
-- short and made such orders impossible to invoice.
alter table invoice_line alter column description type varchar(500);

-- An order's note is stored behind a short prefix ("Ordered from quote 12: "); the requests allow 2000 characters.
alter table order_event alter column note type varchar(2200);

-- REFUND_DUE: the order was cancelled while money had been received; everything received must go back.
alter table invoice drop constraint invoice_status_check;
alter table invoice add constraint invoice_status_check
    check (status in ('OPEN', 'PAID', 'OVERPAID', 'VOID', 'REFUND_DUE'));

-- Whether the CA asks this EV product for an attorney's opinion letter (弁護士意見書); copied into quotes and orders
-- so that a later product change does not alter an order's checklist. Existing EV records keep requiring it.
alter table product add column requires_attorney_letter boolean not null default false;
alter table quote add column requires_attorney_letter boolean not null default false;
alter table orders add column requires_attorney_letter boolean not null default false;
update product set requires_attorney_letter = true where validation_level = 'EV';
update quote set requires_attorney_letter = true where validation_level = 'EV';
update orders set requires_attorney_letter = true where validation_level = 'EV';
alter table product add constraint product_attorney_letter_ev check (not requires_attorney_letter or validation_level = 'EV');
