package io.certdesk.order.quote;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.certdesk.order.platform.Ids;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quote. */
@Schema(name = "QuoteId", type = SchemaType.STRING, pattern = Ids.SERIAL, examples = "1", description = "A quote")
public record QuoteId(String value) {

    public QuoteId {
        Ids.serial(value, "quote id");
    }

    @JsonCreator
    public static QuoteId fromString(String value) {
        return new QuoteId(value);
    }

    public static QuoteId of(long number) {
        return new QuoteId(Long.toString(number));
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
