package io.certdesk.order.order;

import io.certdesk.order.fee.OrderType;
import io.certdesk.order.product.ValidationLevel;
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

    @Column(name = "quote_id", nullable = false)
    public long quoteId;

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

    @Column(name = "certificate_id")
    public String certificateId;

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
