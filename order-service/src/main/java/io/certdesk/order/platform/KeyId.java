package io.certdesk.order.platform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A key pair in custody, issued by keystore-service; the same schema in every contract that refers to it. */
@Schema(name = "KeyId", type = SchemaType.STRING, pattern = Ids.UUID, examples = "3f2c1d0e-9b8a-4c7d-8e6f-5a4b3c2d1e0f", description = "A key pair in custody, issued by keystore-service")
public record KeyId(String value) {

    public KeyId {
        Ids.uuid(value, "key id");
    }

    /** Reads the id from a path, query or JSON value; a value of another form is refused with its rule. */
    @JsonCreator
    public static KeyId fromString(String value) {
        return new KeyId(value);
    }

    public static KeyId of(java.util.UUID uuid) {
        return new KeyId(uuid.toString());
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
