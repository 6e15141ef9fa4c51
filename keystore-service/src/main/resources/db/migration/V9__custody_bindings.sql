-- The data keys' wrapping binds the key's owner and internal flag from version 2 on (see key.Aad); rows written
-- before stay at 1 and are bound by the rewrap job when certdesk.vault.adopt-unbound-keys is on.
alter table managed_key add column aad_version integer not null default 1;
alter table managed_key alter column aad_version drop default;
alter table managed_key add constraint managed_key_aad_version check (aad_version in (1, 2));

-- Each server a certificate may be deployed to is sealed with an HMAC under a key outside the database; a row a
-- database writer inserts has no valid seal and releases nothing. Rows from before have none (null) until adopted.
alter table certificate_server add column mac varchar(64);

-- Init is two-phase: the vault counts as initialised for good once its shares have unsealed it (confirmed_at);
-- before that a new init may replace it. Vaults that exist already have been used, so they are confirmed.
alter table vault add column confirmed_at timestamp(6) with time zone;
update vault set confirmed_at = initialized_at;
