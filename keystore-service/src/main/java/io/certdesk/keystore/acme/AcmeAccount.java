package io.certdesk.keystore.acme;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The ACME account used with one CA directory; its key pair is a vault key. */
@Entity
@Table(name = "acme_account")
public class AcmeAccount {

    @Id
    @Column(name = "directory_url", length = 500)
    public String directoryUrl;

    @Column(name = "key_id", nullable = false)
    public UUID keyId;

    /** Known once the CA has registered the account. */
    @Column(name = "account_url", length = 500)
    public String accountUrl;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
