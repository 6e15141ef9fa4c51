-- The seal is cluster-wide. POST /sys/seal on one replica records it here and every replica obeys within
-- certdesk.vault.seal-check-every (seal wins: a replica that starts while this says sealed stays sealed);
-- a successful POST /sys/unseal clears it, after which FILE and PKCS11 replicas re-open by themselves.
create table vault_seal (
    id         smallint primary key check (id = 1),
    sealed     boolean not null,
    changed_at timestamp(6) with time zone not null,
    changed_by varchar(200) not null
);
insert into vault_seal (id, sealed, changed_at, changed_by) values (1, false, now(), 'migration');
