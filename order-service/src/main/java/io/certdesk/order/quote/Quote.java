package io.certdesk.order.quote;

import io.certdesk.order.fee.OrderType;
import io.certdesk.order.product.ValidationLevel;
import io.certdesk.order.product.Issuer;
import io.certdesk.order.product.KeyAlgorithm;
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

/** The agreed price of one certificate purchase, frozen when quoted: later price changes never touch it. */
@Entity
@Table(name = "quote")
public class Quote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "product_code", nullable = false)
    public String productCode;

    @Column(name = "product_name", nullable = false)
    public String productName;

    @Enumerated(EnumType.STRING)
    @Column(name = "validation_level", nullable = false)
    public ValidationLevel validationLevel;

    /** EV only: the CA asks for an attorney's opinion letter (弁護士意見書). */
    @Column(name = "requires_attorney_letter", nullable = false)
    public boolean requiresAttorneyLetter;

    @Enumerated(EnumType.STRING)
    @Column(name = "order_type", nullable = false)
    public OrderType orderType;

    @Column(nullable = false)
    public String domain;

    @Column(name = "server_id", nullable = false)
    public String serverId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Issuer issuer;

    @Enumerated(EnumType.STRING)
    @Column(name = "key_algorithm", nullable = false, length = 16)
    public KeyAlgorithm keyAlgorithm;

    @Enumerated(EnumType.STRING)
    @Column(name = "binding_strategy", nullable = false, length = 16)
    public BindingStrategy bindingStrategy;

    /** Where the site will answer, as binding-service previewed it when the quote was made. */
    @Column(name = "https_url", length = 300)
    public String httpsUrl;

    /** What the customer was told about the placement, one warning per line. */
    @Column(name = "binding_warnings", length = 4000)
    public String bindingWarnings;

    @Column(name = "application_fee_jpy", nullable = false)
    public long applicationFeeJpy;

    @Column(name = "setup_fee_jpy", nullable = false)
    public long setupFeeJpy;

    @Column(name = "fee_schedule_id", nullable = false)
    public long feeScheduleId;

    @Column(name = "total_jpy", nullable = false)
    public long totalJpy;

    @Column(name = "tax_rate_percent", nullable = false)
    public int taxRatePercent;

    @Column(name = "contained_tax_jpy", nullable = false)
    public long containedTaxJpy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public QuoteStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** The paid term this quote renews, when the renewal notice job drafted it. */
    @Column(name = "renewal_term_id")
    public Long renewalTermId;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "accepted_by")
    public String acceptedBy;

    @Version
    public long version;
}
