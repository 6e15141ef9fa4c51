package io.certdesk.binding.binding;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.certdesk.binding.platform.Ids;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A domain's place on a server. */
@Schema(name = "BindingId", type = SchemaType.STRING, pattern = Ids.SERIAL, examples = "1", description = "A domain's place on a server")
public record BindingId(String value) {

    public BindingId {
        Ids.serial(value, "binding id");
    }

    @JsonCreator
    public static BindingId fromString(String value) {
        return new BindingId(value);
    }

    public static BindingId of(long number) {
        return new BindingId(Long.toString(number));
    }

    /** The number this service stores. */
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
