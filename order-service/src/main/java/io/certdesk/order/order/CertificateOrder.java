package io.certdesk.order.order;

import io.certdesk.order.fee.OrderType;
import io.certdesk.order.product.Issuer;
import io.certdesk.order.product.KeyAlgorithm;
import io.certdesk.order.product.ValidationLevel;
import io.certdesk.order.quote.BindingStrategy;
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
import java.time.LocalDate;

/** One certificate purchase on its way from an accepted quote to an installed certificate. */
@Entity
@Table(name = "orders")
public class CertificateOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The quote the customer accepted; null for a REISSUE. */
    @Column(name = "quote_id")
    public Long quoteId;

    /** For a REISSUE: the paid term it keeps covered. */
    @Column(name = "term_id")
    public Long termId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "product_code", nullable = false)
    public String productCode;

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

    /** For a renewal: the certificate it replaces. */
    @Column(name = "renews_certificate_id")
    public String renewsCertificateId;

    /** The site's go-live date; the application waits until a few days before it so no paid validity is wasted. */
    @Column(name = "launch_date")
    public LocalDate launchDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Issuer issuer;

    @Enumerated(EnumType.STRING)
    @Column(name = "key_algorithm", nullable = false, length = 16)
    public KeyAlgorithm keyAlgorithm;

    @Enumerated(EnumType.STRING)
    @Column(name = "binding_strategy", nullable = false, length = 16)
    public BindingStrategy bindingStrategy;

    /** The key keystore-service generated for this order, and the SHA-256 of its CSR. */
    @Column(name = "key_id", length = 64)
    public String keyId;

    @Column(name = "csr_fingerprint", length = 95)
    public String csrFingerprint;

    /** The issuance the application is, at keystore-service. */
    @Column(name = "issuance_id", length = 64)
    public String issuanceId;

    @Column(name = "certificate_id")
    public String certificateId;

    @Column(name = "certificate_serial", length = 64)
    public String certificateSerial;

    @Column(name = "certificate_expires_at")
    public Instant certificateExpiresAt;

    /** When the certificate became valid (its notBefore). */
    @Column(name = "certificate_valid_from")
    public Instant certificateValidFrom;

    @Column(name = "certificate_fingerprint", length = 95)
    public String certificateFingerprint;

    /** Where binding-service placed the domain for this order. */
    @Column(name = "binding_id", length = 32)
    public String bindingId;

    /** Whether the binding was made for this order (released when it is cancelled) rather than already there. */
    @Column(name = "binding_created", nullable = false)
    public boolean bindingCreated;

    @Column(name = "https_url", length = 300)
    public String httpsUrl;

    /** What binding-service said about the placement, one warning per line. */
    @Column(name = "binding_warnings", length = 4000)
    public String bindingWarnings;

    /** Whether the web server serves the certificate: null until it is linked to the binding. */
    @Enumerated(EnumType.STRING)
    @Column(name = "deployment_status", length = 16)
    public DeploymentStatus deploymentStatus;

    @Column(name = "deployment_checked_at")
    public Instant deploymentCheckedAt;

    @Column(name = "deployment_detail", length = 600)
    public String deploymentDetail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderState state;

    /** The command that produced the current state; repeating it is answered without a change. */
    @Enumerated(EnumType.STRING)
    @Column(name = "last_command")
    public OrderCommand lastCommand;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
