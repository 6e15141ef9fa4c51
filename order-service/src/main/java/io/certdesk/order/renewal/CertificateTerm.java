package io.certdesk.order.renewal;

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

/** A paid term of a certificate product for one domain; see V12__renewals.sql. */
@Entity
@Table(name = "certificate_term")
public class CertificateTerm {

    /** ACTIVE while it is the domain's current term; RENEWED once the next term has its certificate. */
    public enum State {
        ACTIVE, RENEWED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "order_id", nullable = false)
    public Long orderId;

    @Column(name = "product_code", nullable = false)
    public String productCode;

    @Column(nullable = false)
    public String domain;

    @Column(name = "server_id", nullable = false)
    public String serverId;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    /** The last day the term covers (inclusive). */
    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(name = "certificate_id")
    public String certificateId;

    @Column(name = "certificate_expires_at")
    public Instant certificateExpiresAt;

    /** When the current certificate became valid (its notBefore). */
    @Column(name = "certificate_valid_from")
    public Instant certificateValidFrom;

    /** Who signs the term's certificates (the product's issuer when the term began). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public io.certdesk.order.product.Issuer issuer;

    /** When the current certificate is to be replaced inside the term; null when it covers the rest of the term. */
    @Column(name = "reissue_at")
    public Instant reissueAt;

    /** The REISSUE order under way, if any. */
    @Column(name = "reissue_order_id")
    public Long reissueOrderId;

    /** ACME: when to ask the CA's renewal information again; null when the CA does not offer it. */
    @Column(name = "ari_check_at")
    public Instant ariCheckAt;

    /** ACME: the renewal window the CA suggested last (RFC 9773). */
    @Column(name = "ari_window_start")
    public Instant ariWindowStart;

    @Column(name = "ari_window_end")
    public Instant ariWindowEnd;

    /** The certificate staff were last alerted about (its replacement was late). */
    @Column(name = "alerted_certificate_id")
    public String alertedCertificateId;

    @Column(name = "renewal_order_id")
    public Long renewalOrderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public State state;

    @Column(name = "renewed_by_term_id")
    public Long renewedByTermId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
