package io.certdesk.order.invoice;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.certdesk.order.platform.Ids;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A PDF delivered for an invoice: the invoice, its cancellation notice or a refund invoice. */
@Schema(name = "InvoiceDocumentId", type = SchemaType.STRING, pattern = Ids.SERIAL, examples = "1", description = "A PDF delivered for an invoice")
public record InvoiceDocumentId(String value) {

    public InvoiceDocumentId {
        Ids.serial(value, "invoice document id");
    }

    @JsonCreator
    public static InvoiceDocumentId fromString(String value) {
        return new InvoiceDocumentId(value);
    }

    public static InvoiceDocumentId of(long number) {
        return new InvoiceDocumentId(Long.toString(number));
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
