package io.certdesk.keystore.vault;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The vault's one configuration row, written when the vault is initialised. */
@Entity
@Table(name = "vault")
public class Vault {

    /** There is exactly one vault; its id is always 1. */
    public static final short ID = 1;

    @Id
    public Short id;

    @Column(name = "secret_shares", nullable = false)
    public short secretShares;

    @Column(name = "secret_threshold", nullable = false)
    public short secretThreshold;

    @Column(name = "initialized_at", nullable = false)
    public Instant initializedAt;

    /**
     * When the shares were proven to rebuild the root key (the first complete unseal); null while an init is pending,
     * which a new init may replace, so shares lost on their way to the operators never lock the vault for good.
     */
    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "unseal_mode", nullable = false, length = 10)
    public VaultConfig.UnsealMode unsealMode;

    /** HMAC of a fixed label under the unseal key; proves a rebuilt or loaded key is the right one. */
    @Column(name = "key_check")
    public byte[] keyCheck;
}
