package io.certdesk.keystore.acme;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An http-01 token and the key authorization to answer it with, until the CA has validated. */
@Entity
@Table(name = "acme_challenge")
public class AcmeChallenge {

    @Id
    @Column(length = 200)
    public String token;

    @Column(name = "key_authorization", nullable = false, length = 500)
    public String keyAuthorization;

    @Column(name = "issuance_id", nullable = false)
    public UUID issuanceId;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
