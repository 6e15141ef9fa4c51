package io.certdesk.binding.ippool;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.certdesk.binding.platform.Ids;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A range of global addresses. */
@Schema(name = "IpPoolId", type = SchemaType.STRING, pattern = Ids.SERIAL, examples = "1", description = "A range of global addresses")
public record IpPoolId(String value) {

    public IpPoolId {
        Ids.serial(value, "ip pool id");
    }

    @JsonCreator
    public static IpPoolId fromString(String value) {
        return new IpPoolId(value);
    }

    public static IpPoolId of(long number) {
        return new IpPoolId(Long.toString(number));
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
