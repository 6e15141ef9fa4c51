package io.certdesk.order.platform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A paid term of a certificate product for one domain. */
@Schema(name = "TermId", type = SchemaType.STRING, pattern = Ids.SERIAL, examples = "1", description = "A paid term of a certificate product for one domain")
public record TermId(String value) {

    public TermId {
        Ids.serial(value, "term id");
    }

    @JsonCreator
    public static TermId fromString(String value) {
        return new TermId(value);
    }

    public static TermId of(long number) {
        return new TermId(Long.toString(number));
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
