-- The service's own keys (ACME account, development CA) are never shown, exported or revealed.
alter table managed_key add column internal boolean not null default false;
update managed_key set internal = true where customer_id in ('certdesk-acme-account', 'certdesk-local-ca');
create index managed_key_listed_idx on managed_key (internal, customer_id, created_at);

-- The audit chain cannot be emptied at once either, nor its head removed.
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_immutable();
create function audit_head_fixed() returns trigger language plpgsql as $$
begin
    raise exception 'the audit head is never removed';
end;
$$;
create trigger audit_head_no_delete before delete on audit_head
    for each row execute function audit_head_fixed();
create trigger audit_head_no_truncate before truncate on audit_head
    for each statement execute function audit_head_fixed();
