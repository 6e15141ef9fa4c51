package io.certdesk.order.platform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An issued certificate, issued by keystore-service; the same schema in every contract that refers to it. */
@Schema(name = "CertificateId", type = SchemaType.STRING, pattern = Ids.UUID, examples = "0b8e7c2a-4f1d-4c3e-9a55-2d6f0e1b7c90", description = "An issued certificate, issued by keystore-service")
public record CertificateId(String value) {

    public CertificateId {
        Ids.uuid(value, "certificate id");
    }

    /** Reads the id from a path, query or JSON value; a value of another form is refused with its rule. */
    @JsonCreator
    public static CertificateId fromString(String value) {
        return new CertificateId(value);
    }

    public static CertificateId of(java.util.UUID uuid) {
        return new CertificateId(uuid.toString());
    }

    public java.util.UUID uuid() {
        return java.util.UUID.fromString(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
