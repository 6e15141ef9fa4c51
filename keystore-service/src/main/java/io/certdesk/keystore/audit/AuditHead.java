package io.certdesk.keystore.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The newest link of the chain; its row lock serialises appends. */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    @Id
    public Short id;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    public String lastHash;

    /** HMAC under the audit key over last_seq and last_hash: a database writer cannot move the head unnoticed. */
    @Column(length = 64)
    public String mac;
}
