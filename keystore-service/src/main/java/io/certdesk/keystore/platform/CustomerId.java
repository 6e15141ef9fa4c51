package io.certdesk.keystore.platform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer, issued by order-service; the same schema in every contract that refers to it. */
@Schema(name = "CustomerId", type = SchemaType.STRING, pattern = Ids.CUSTOMER, examples = "C-1", description = "A customer, issued by order-service")
public record CustomerId(String value) {

    public CustomerId {
        Ids.customer(value, "customer id");
    }

    /** Reads the id from a path, query or JSON value; a value of another form is refused with its rule. */
    @JsonCreator
    public static CustomerId fromString(String value) {
        return new CustomerId(value);
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
