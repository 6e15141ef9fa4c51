package io.certdesk.keystore.issuance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The development CA's root: its key lives in the vault, its self-signed certificate here. */
@Entity
@Table(name = "local_ca")
public class LocalCaRoot {

    static final short ID = 1;

    @Id
    public Short id;

    @Column(name = "key_id", nullable = false)
    public UUID keyId;

    @Column(name = "certificate_pem", nullable = false)
    public String certificatePem;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
