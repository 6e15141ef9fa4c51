-- Issuance requests, the certificates they produced, where each certificate may be deployed, the local CA.

create table issuance (
    id              uuid primary key,
    key_id          uuid         not null references managed_key (id),
    issuer          varchar(10)  not null check (issuer in ('MANUAL', 'ACME', 'LOCAL')),
    status          varchar(12)  not null check (status in ('PENDING', 'VALIDATING', 'ISSUED', 'FAILED')),
    server_id       varchar(64)  not null,
    master_domain   varchar(253) not null,
    problem_type    varchar(200),
    problem_detail  varchar(2000),
    certificate_id  uuid,
    attempts        integer      not null default 0,
    next_attempt_at timestamp(6) with time zone,
    created_at      timestamp(6) with time zone not null,
    updated_at      timestamp(6) with time zone not null,
    created_by      varchar(200) not null,
    version         bigint       not null default 0
);
create index issuance_key_idx on issuance (key_id);
create index issuance_pending_idx on issuance (issuer, status, next_attempt_at);

create table certificate (
    id              uuid primary key,
    key_id          uuid          not null references managed_key (id),
    issuance_id     uuid          not null references issuance (id),
    customer_id     varchar(64)   not null,
    order_ref       varchar(64),
    serial          varchar(80)   not null,
    issuer_dn       varchar(1000) not null,
    subject_dn      varchar(1000) not null,
    dns_names       text          not null,
    not_before      timestamp(6) with time zone not null,
    not_after       timestamp(6) with time zone not null,
    sha256          varchar(95)   not null,
    certificate_pem text          not null,
    chain_pem       text          not null,
    master_domain   varchar(253)  not null,
    created_at      timestamp(6) with time zone not null,
    constraint certificate_issuer_serial_unique unique (issuer_dn, serial),
    constraint certificate_issuance_unique unique (issuance_id)
);
alter table issuance add constraint issuance_certificate_fk foreign key (certificate_id) references certificate (id);
create index certificate_customer_idx on certificate (customer_id, not_after);
create index certificate_not_after_idx on certificate (not_after);

-- one row per DNS name, for lookups by domain
create table certificate_name (
    certificate_id uuid         not null references certificate (id),
    name           varchar(253) not null,
    primary key (certificate_id, name)
);
create index certificate_name_idx on certificate_name (name);

-- the servers a certificate may be deployed to: the one it was issued for, then migrations
create table certificate_server (
    certificate_id uuid         not null references certificate (id),
    server_id      varchar(64)  not null,
    master_domain  varchar(253) not null,
    added_at       timestamp(6) with time zone not null,
    added_by       varchar(200) not null,
    primary key (certificate_id, server_id)
);
create index certificate_server_idx on certificate_server (server_id);

create table local_ca (
    id              smallint primary key check (id = 1),
    key_id          uuid not null references managed_key (id),
    certificate_pem text not null,
    created_at      timestamp(6) with time zone not null
);
