package io.certdesk.binding.ippool;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An address taken from a pool and added to one server; deleting it returns the address to the pool. */
@Entity
@Table(name = "ip_address")
public class IpAddress {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pool_id", nullable = false)
    public long poolId;

    @Column(name = "server_id", nullable = false)
    public long serverId;

    @Column(nullable = false, unique = true, length = 45)
    public String address;

    @Column(name = "allocated_at", nullable = false)
    public Instant allocatedAt;
}
