package io.certdesk.binding.server;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A customer's dedicated server: its master domain lives on the primary IP at port 443. */
@Entity
@Table(name = "server")
public class Server {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 253)
    public String hostname;

    @Column(name = "customer_id", nullable = false, length = 64)
    public String customerId;

    @Column(name = "master_domain", nullable = false, length = 253)
    public String masterDomain;

    @Column(name = "primary_ip", nullable = false, unique = true, length = 45)
    public String primaryIp;

    @Column(name = "plan_code", nullable = false, length = 64)
    public String planCode;

    @Column(name = "additional_ip_limit", nullable = false)
    public int additionalIpLimit;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
