package io.certdesk.order.invoice;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.certdesk.order.platform.Ids;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An invoice. */
@Schema(name = "InvoiceId", type = SchemaType.STRING, pattern = Ids.SERIAL, examples = "1", description = "An invoice")
public record InvoiceId(String value) {

    public InvoiceId {
        Ids.serial(value, "invoice id");
    }

    @JsonCreator
    public static InvoiceId fromString(String value) {
        return new InvoiceId(value);
    }

    public static InvoiceId of(long number) {
        return new InvoiceId(Long.toString(number));
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
