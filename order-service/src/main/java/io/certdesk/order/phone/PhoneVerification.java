package io.certdesk.order.phone;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The CA's verification call of an OV/EV order: who answers, when, and how it went. */
@Entity
@Table(name = "phone_verification")
public class PhoneVerification {

    @Id
    @Column(name = "order_id")
    public Long orderId;

    @Column(name = "contact_id", nullable = false)
    public long contactId;

    @Column(name = "contact_name", nullable = false)
    public String contactName;

    @Column(name = "slot_start", nullable = false)
    public Instant slotStart;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PhoneStatus status;

    public String note;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
