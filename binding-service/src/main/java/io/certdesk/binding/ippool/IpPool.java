package io.certdesk.binding.ippool;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A range of global addresses staff registered for dedicated-IP bindings. */
@Entity
@Table(name = "ip_pool")
public class IpPool {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 64)
    public String name;

    @Column(name = "cidr_text", nullable = false, length = 49)
    public String cidr;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public Cidr block() {
        return Cidr.parse(cidr).orElseThrow(() -> new IllegalStateException("pool " + id + " holds an invalid CIDR"));
    }
}
