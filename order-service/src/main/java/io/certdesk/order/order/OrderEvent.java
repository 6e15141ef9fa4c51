package io.certdesk.order.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of an order's timeline: who did what when, and for transitions from which state to which. */
@Entity
@Table(name = "order_event")
public class OrderEvent {

    /** What kind of thing happened. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "TimelineEntryKind")
    public enum Kind {
        TRANSITION, NOTICE, PAYMENT, DOCUMENT, PHONE, SITE_SEAL, SCHEDULE, STEP, DEPLOYMENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "order_id", nullable = false)
    public long orderId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    public OrderCommand command;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public OrderState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public OrderState toState;

    public String note;
}
