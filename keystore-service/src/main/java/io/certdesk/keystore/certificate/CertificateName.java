package io.certdesk.keystore.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One DNS name of a certificate, for lookups by domain. */
@Entity
@Table(name = "certificate_name")
@IdClass(CertificateName.Key.class)
public class CertificateName {

    @Id
    @Column(name = "certificate_id")
    public UUID certificateId;

    @Id
    @Column(length = 253)
    public String name;

    /** Composite key. */
    public static class Key implements Serializable {
        public UUID certificateId;
        public String name;

        public Key() {
        }

        public Key(UUID certificateId, String name) {
            this.certificateId = certificateId;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(certificateId, k.certificateId) && java.util.Objects.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(certificateId, name);
        }
    }
}
