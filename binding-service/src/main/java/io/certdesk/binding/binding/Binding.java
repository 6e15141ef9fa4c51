package io.certdesk.binding.binding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A domain placed on an IP:port of a server; the master binding is the server's master domain on primary:443. */
@Entity
@Table(name = "binding")
public class Binding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "server_id", nullable = false)
    public long serverId;

    @Column(nullable = false, length = 253)
    public String domain;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Strategy strategy;

    @Column(nullable = false, length = 45)
    public String ip;

    @Column(nullable = false)
    public int port;

    @Column(nullable = false)
    public boolean master;

    @Column(name = "certificate_id", length = 64)
    public String certificateId;

    /** The order-service order this binding was made for, if any. */
    @Column(name = "order_id", length = 32)
    public String orderId;

    /** SHA-256 of the linked certificate (colon-separated hex): what the probe expects to be served. */
    @Column(name = "certificate_fingerprint", length = 95)
    public String certificateFingerprint;

    @Enumerated(EnumType.STRING)
    @Column(name = "probe_status", nullable = false, length = 16)
    public ProbeStatus probeStatus = ProbeStatus.NOT_PROBED;

    @Column(name = "probed_at")
    public Instant probedAt;

    @Column(name = "served_fingerprint", length = 95)
    public String servedFingerprint;

    @Column(name = "probe_detail", length = 500)
    public String probeDetail;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
