-- Terms made before reissues existed (V12 without V13's planning): plan the replacement of their current certificate
-- as the service plans it (a third of its lifetime left, never later than 14 days before expiry), so that they are
-- reissued and staff are alerted like any other term. The service replans each term when its next certificate arrives.
update certificate_term t set
    certificate_valid_from = coalesce(t.certificate_valid_from, t.created_at),
    reissue_at = t.certificate_expires_at - greatest(interval '14 days',
        (t.certificate_expires_at - coalesce(t.certificate_valid_from, t.created_at)) / 3)
where t.state = 'ACTIVE' and t.reissue_at is null and t.certificate_expires_at is not null
  and t.certificate_expires_at < ((t.ends_on + 1)::timestamp at time zone 'Asia/Tokyo');
