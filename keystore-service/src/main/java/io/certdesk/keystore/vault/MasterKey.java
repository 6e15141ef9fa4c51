package io.certdesk.keystore.vault;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of the master key; the key itself is stored wrapped, or lives in the PKCS#11 token. */
@Entity
@Table(name = "master_key")
public class MasterKey {

    @Id
    public Integer version;

    @Column(name = "wrapped_key")
    public byte[] wrappedKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "retired_at")
    public Instant retiredAt;
}
