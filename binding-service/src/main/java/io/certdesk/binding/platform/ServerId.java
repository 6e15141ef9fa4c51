package io.certdesk.binding.platform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dedicated server, issued by binding-service; the same schema in every contract that refers to it. */
@Schema(name = "ServerId", type = SchemaType.STRING, pattern = Ids.SERIAL, examples = "1", description = "A dedicated server, issued by binding-service")
public record ServerId(String value) {

    public ServerId {
        Ids.serial(value, "server id");
    }

    /** Reads the id from a path, query or JSON value; a value of another form is refused with its rule. */
    @JsonCreator
    public static ServerId fromString(String value) {
        return new ServerId(value);
    }

    public static ServerId of(long number) {
        return new ServerId(Long.toString(number));
    }

    /** The number the issuing service stores. */
    public long number() {
        return Long.parseLong(value);
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
