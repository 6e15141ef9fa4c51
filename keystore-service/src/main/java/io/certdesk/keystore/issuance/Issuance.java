package io.certdesk.keystore.issuance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A request to get a key's CSR signed by a CA, and how far it has come. */
@Entity
@Table(name = "issuance")
public class Issuance {

    @Id
    public UUID id;

    @Column(name = "key_id", nullable = false)
    public UUID keyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Issuer issuer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public Status status;

    @Column(name = "server_id", nullable = false, length = 64)
    public String serverId;

    @Column(name = "master_domain", nullable = false, length = 253)
    public String masterDomain;

    @Column(name = "problem_type", length = 200)
    public String problemType;

    @Column(name = "problem_detail", length = 2000)
    public String problemDetail;

    @Column(name = "certificate_id")
    public UUID certificateId;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Version
    public long version;

    /** Where the certificate comes from. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "Issuer")
    public enum Issuer { MANUAL, ACME, LOCAL }

    /** PENDING → VALIDATING → ISSUED, or FAILED with the CA's problem. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "IssuanceStatus")
    public enum Status { PENDING, VALIDATING, ISSUED, FAILED }
}
