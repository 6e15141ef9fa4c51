-- ACME: the account per directory (its key is a vault key) and the http-01 tokens any replica can answer.

create table acme_account (
    directory_url varchar(500) primary key,
    key_id        uuid         not null references managed_key (id),
    account_url   varchar(500),
    created_at    timestamp(6) with time zone not null
);

create table acme_challenge (
    token             varchar(200) primary key,
    key_authorization varchar(500) not null,
    issuance_id       uuid         not null references issuance (id),
    expires_at        timestamp(6) with time zone not null
);
create index acme_challenge_expiry_idx on acme_challenge (expires_at);
