package io.certdesk.keystore.key;

import io.certdesk.keystore.pki.CsrSubject;
import io.certdesk.keystore.pki.KeyAlgorithm;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer's key pair in custody. The private key and its passphrase are each encrypted with
 * their own data key (AES-256-GCM, bound to this id); the data keys are wrapped by master key
 * {@link #masterKeyVersion}.
 */
@Entity
@Table(name = "managed_key")
public class ManagedKey {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false, length = 64)
    public String customerId;

    @Column(nullable = false, length = 200)
    public String label;

    @Column(name = "order_id", length = 64)
    public String orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public KeyAlgorithm algorithm;

    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;

    @Column(name = "public_key_sha256", nullable = false, length = 95)
    public String publicKeySha256;

    @Column(name = "private_key_ct", nullable = false)
    public byte[] privateKeyCiphertext;

    @Column(name = "private_key_dek", nullable = false)
    public byte[] privateKeyDataKey;

    @Column(name = "passphrase_ct", nullable = false)
    public byte[] passphraseCiphertext;

    @Column(name = "passphrase_dek", nullable = false)
    public byte[] passphraseDataKey;

    @Column(name = "master_key_version", nullable = false)
    public int masterKeyVersion;

    /** What the data keys' wrapping binds: 1 = id and field, 2 = also the owner and the internal flag (see Aad). */
    @Column(name = "aad_version", nullable = false)
    public int aadVersion;

    @Column(name = "csr_pem")
    public String csrPem;

    @Column(name = "csr_subject", length = 1000)
    public String csrSubject;

    /** The CSR's DNS names, one per line, common name first. */
    @Column(name = "csr_names")
    public String csrNames;

    @Enumerated(EnumType.STRING)
    @Column(name = "csr_level", length = 2)
    public CsrSubject.ValidationLevel csrLevel;

    @Column(name = "csr_created_at")
    public Instant csrCreatedAt;

    /** The service's own keys (ACME account, development CA): never shown, exported or revealed. */
    @Column(nullable = false)
    public boolean internal;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    /** Set when the order the key was made for ended before a certificate: never used or released again. */
    @Column(name = "abandoned_at")
    public Instant abandonedAt;

    @Column(name = "abandoned_by", length = 200)
    public String abandonedBy;

    @Column(name = "abandon_reason", length = 500)
    public String abandonReason;

    @Version
    public long version;
}
