package io.certdesk.order.product;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A certificate product the company sells, with the CA's application fee. */
@Entity
@Table(name = "product")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 64)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "ca_brand", nullable = false, length = 100)
    public String caBrand;

    @Enumerated(EnumType.STRING)
    @Column(name = "validation_level", nullable = false, length = 2)
    public ValidationLevel validationLevel;

    /** EV only: the CA asks for an attorney's opinion letter (弁護士意見書). */
    @Column(name = "requires_attorney_letter", nullable = false)
    public boolean requiresAttorneyLetter;

    @Column(name = "validity_months", nullable = false)
    public int validityMonths;

    @Column(name = "application_fee_jpy", nullable = false)
    public long applicationFeeJpy;

    @Column(nullable = false)
    public boolean active;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Issuer issuer;

    @Enumerated(EnumType.STRING)
    @Column(name = "key_algorithm", nullable = false, length = 16)
    public KeyAlgorithm keyAlgorithm;

    /** Reissues inside a paid term keep the current key; by default each gets a new one. */
    @Column(name = "reuse_key", nullable = false)
    public boolean reuseKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
