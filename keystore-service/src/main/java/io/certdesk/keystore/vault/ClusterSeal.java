package io.certdesk.keystore.vault;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The seal order every replica obeys: one row. {@code sealed} is set by POST /sys/seal on any replica and cleared by
 * a successful unseal; {@link SealWatch} makes each replica follow it.
 */
@Entity
@Table(name = "vault_seal")
public class ClusterSeal {

    /** There is exactly one row; its id is always 1. */
    public static final short ID = 1;

    @Id
    public Short id;

    @Column(nullable = false)
    public boolean sealed;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** Who sealed or unsealed, as the audit log names them (subject). */
    @Column(name = "changed_by", nullable = false, length = 200)
    public String changedBy;
}
