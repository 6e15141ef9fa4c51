package io.certdesk.keystore.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An issued certificate, accepted after its checks, with the chain to present alongside it. */
@Entity
@Table(name = "certificate")
public class Certificate {

    @Id
    public UUID id;

    @Column(name = "key_id", nullable = false)
    public UUID keyId;

    @Column(name = "issuance_id", nullable = false)
    public UUID issuanceId;

    @Column(name = "customer_id", nullable = false, length = 64)
    public String customerId;

    @Column(name = "order_id", length = 64)
    public String orderId;

    @Column(nullable = false, length = 80)
    public String serial;

    @Column(name = "issuer_dn", nullable = false, length = 1000)
    public String issuerDn;

    @Column(name = "subject_dn", nullable = false, length = 1000)
    public String subjectDn;

    /** DNS names, one per line. */
    @Column(name = "dns_names", nullable = false)
    public String dnsNames;

    @Column(name = "not_before", nullable = false)
    public Instant notBefore;

    @Column(name = "not_after", nullable = false)
    public Instant notAfter;

    @Column(nullable = false, length = 95)
    public String sha256;

    @Column(name = "certificate_pem", nullable = false)
    public String certificatePem;

    /** Intermediates, issuer of the leaf first. */
    @Column(name = "chain_pem", nullable = false)
    public String chainPem;

    /** Master domain of the server the certificate was issued for; a move needs the same one. */
    @Column(name = "master_domain", nullable = false, length = 253)
    public String masterDomain;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean validAt(Instant t) {
        return !t.isBefore(notBefore) && t.isBefore(notAfter);
    }
}
