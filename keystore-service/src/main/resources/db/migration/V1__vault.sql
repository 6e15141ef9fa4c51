-- The vault's single configuration row, written by POST /sys/init.
create table vault (
    id               smallint primary key check (id = 1),
    secret_shares    smallint not null check (secret_shares between 1 and 16),
    secret_threshold smallint not null check (secret_threshold between 1 and secret_shares),
    initialized_at   timestamp(6) with time zone not null
);
