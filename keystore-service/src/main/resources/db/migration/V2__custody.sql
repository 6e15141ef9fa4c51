-- Key custody: how the vault unseals, the versioned master keys, the customers' keys, the audit chain.

alter table vault drop constraint if exists vault_secret_shares_check;
alter table vault drop constraint if exists vault_secret_threshold_check;
alter table vault drop constraint if exists vault_check;
alter table vault add column unseal_mode varchar(10) not null default 'SHAMIR'
    check (unseal_mode in ('SHAMIR', 'FILE', 'PKCS11'));
alter table vault alter column unseal_mode drop default;
-- HMAC-SHA256 of a fixed label under the unseal key: recognises the right key or shares without storing them
alter table vault add column key_check bytea;
alter table vault add constraint vault_shares_valid check (
    (unseal_mode = 'SHAMIR' and secret_shares between 1 and 16 and secret_threshold between 1 and secret_shares
        and key_check is not null)
    or (unseal_mode <> 'SHAMIR' and secret_shares = 0 and secret_threshold = 0));

create table master_key (
    version     integer primary key check (version >= 1),
    -- the master key wrapped by the unseal key; null when it lives in a PKCS#11 token
    wrapped_key bytea,
    created_at  timestamp(6) with time zone not null,
    retired_at  timestamp(6) with time zone
);

create table managed_key (
    id                  uuid primary key,
    customer_id         varchar(64)  not null,
    label               varchar(200) not null,
    order_ref           varchar(64),
    algorithm           varchar(10)  not null check (algorithm in ('RSA_2048', 'RSA_3072', 'RSA_4096', 'EC_P256', 'EC_P384')),
    public_key          bytea        not null,
    public_key_sha256   varchar(95)  not null,
    private_key_ct      bytea        not null,
    private_key_dek     bytea        not null,
    passphrase_ct       bytea        not null,
    passphrase_dek      bytea        not null,
    master_key_version  integer      not null references master_key (version),
    csr_pem             text,
    csr_subject         varchar(1000),
    csr_names           text,
    csr_level           varchar(2) check (csr_level in ('DV', 'OV', 'EV')),
    csr_created_at      timestamp(6) with time zone,
    created_at          timestamp(6) with time zone not null,
    created_by          varchar(200) not null,
    version             bigint       not null default 0
);
create index managed_key_customer_idx on managed_key (customer_id, created_at);
create index managed_key_master_version_idx on managed_key (master_key_version);

create table audit_entry (
    seq          bigint primary key,
    at           timestamp(6) with time zone not null,
    actor        varchar(200) not null,
    actor_role   varchar(64)  not null,
    action       varchar(64)  not null,
    target       varchar(200),
    outcome      varchar(10)  not null check (outcome in ('SUCCESS', 'DENIED', 'FAILED')),
    source       varchar(100),
    detail       varchar(1000),
    prev_hash    varchar(64)  not null,
    hash         varchar(64)  not null
);

-- the chain's head: locked by every append so entries are numbered and chained one at a time
create table audit_head (
    id        smallint primary key check (id = 1),
    last_seq  bigint      not null,
    last_hash varchar(64) not null
);
insert into audit_head (id, last_seq, last_hash) values (1, 0, repeat('0', 64));

-- append-only: entries are never changed or removed through the application's connection
create function audit_entry_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries are append-only';
end;
$$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_immutable();
