package io.certdesk.order.fee;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.certdesk.order.platform.Ids;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A version of the setup-fee schedule. */
@Schema(name = "FeeId", type = SchemaType.STRING, pattern = Ids.SERIAL, examples = "1", description = "A version of the setup-fee schedule")
public record FeeId(String value) {

    public FeeId {
        Ids.serial(value, "fee id");
    }

    @JsonCreator
    public static FeeId fromString(String value) {
        return new FeeId(value);
    }

    public static FeeId of(long number) {
        return new FeeId(Long.toString(number));
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
