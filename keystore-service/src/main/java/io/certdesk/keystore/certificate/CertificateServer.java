package io.certdesk.keystore.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A server a certificate may be deployed to. */
@Entity
@Table(name = "certificate_server")
@IdClass(CertificateServer.Key.class)
public class CertificateServer {

    @Id
    @Column(name = "certificate_id")
    public UUID certificateId;

    @Id
    @Column(name = "server_id", length = 64)
    public String serverId;

    @Column(name = "master_domain", nullable = false, length = 253)
    public String masterDomain;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    @Column(name = "added_by", nullable = false, length = 200)
    public String addedBy;

    /** HMAC of the placement and its certificate's owner under a key outside the database (see CertificateService). */
    @Column(length = 64)
    public String mac;

    /** Composite key. */
    public static class Key implements Serializable {
        public UUID certificateId;
        public String serverId;

        public Key() {
        }

        public Key(UUID certificateId, String serverId) {
            this.certificateId = certificateId;
            this.serverId = serverId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(certificateId, k.certificateId) && java.util.Objects.equals(serverId, k.serverId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(certificateId, serverId);
        }
    }
}
