package io.certdesk.order.fee;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of the setup and application-agency fee for an order type, valid over [validFrom, validTo). */
@Entity
@Table(name = "fee_schedule")
public class FeeSchedule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "order_type", nullable = false)
    public OrderType orderType;

    /** Tax included. */
    @Column(name = "setup_fee_jpy", nullable = false)
    public long setupFeeJpy;

    @Column(name = "valid_from", nullable = false)
    public Instant validFrom;

    /** Exclusive end; null while this version is the current one. */
    @Column(name = "valid_to")
    public Instant validTo;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
