package io.certdesk.keystore.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One link of the audit chain: who did what to which record, when, from where, and how it ended. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    public Long seq;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false, length = 200)
    public String actor;

    @Column(name = "actor_role", nullable = false, length = 64)
    public String actorRole;

    @Column(nullable = false, length = 64)
    public String action;

    @Column(length = 200)
    public String target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Outcome outcome;

    @Column(length = 100)
    public String source;

    @Column(length = 1000)
    public String detail;

    @Column(name = "prev_hash", nullable = false, length = 64)
    public String prevHash;

    @Column(nullable = false, length = 64)
    public String hash;

    /** Which canonical form the hash was computed over: 1 newline-joined (older entries), 2 length-prefixed. */
    @Column(name = "mac_version", nullable = false)
    public short macVersion;

    /** How an audited operation ended. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "AuditOutcome")
    public enum Outcome { SUCCESS, DENIED, FAILED }
}
