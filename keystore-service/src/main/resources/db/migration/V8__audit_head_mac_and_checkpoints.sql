-- The audit head is authenticated (an HMAC under the audit key over its sequence number and hash), and entries
-- written from now on are MACed over a length-prefixed form of their fields (mac_version 2); older entries keep
-- verifying with the form they were written in (1).
alter table audit_head add column mac varchar(64);
alter table audit_entry add column mac_version smallint not null default 1 check (mac_version in (1, 2));
