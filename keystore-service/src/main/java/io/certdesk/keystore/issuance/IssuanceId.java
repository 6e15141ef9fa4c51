package io.certdesk.keystore.issuance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.certdesk.keystore.platform.Ids;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application for a certificate. */
@Schema(name = "IssuanceId", type = SchemaType.STRING, pattern = Ids.UUID, examples = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b", description = "An application for a certificate")
public record IssuanceId(String value) {

    public IssuanceId {
        Ids.uuid(value, "issuance id");
    }

    @JsonCreator
    public static IssuanceId fromString(String value) {
        return new IssuanceId(value);
    }

    public static IssuanceId of(java.util.UUID uuid) {
        return new IssuanceId(uuid.toString());
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
