package io.certdesk.order.siteseal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Placing the CA's site seal on the customer's website after installation, where the customer agrees. */
@Entity
@Table(name = "site_seal_task")
public class SiteSealTask {

    @Id
    @Column(name = "order_id")
    public Long orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SiteSealStatus status;

    /** Where on the site, as agreed with the customer. */
    public String placement;

    public String note;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    public long version;
}
