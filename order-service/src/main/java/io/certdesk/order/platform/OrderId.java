package io.certdesk.order.platform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A certificate order, issued by order-service; the same schema in every contract that refers to it. */
@Schema(name = "OrderId", type = SchemaType.STRING, pattern = Ids.SERIAL, examples = "1", description = "A certificate order, issued by order-service")
public record OrderId(String value) {

    public OrderId {
        Ids.serial(value, "order id");
    }

    /** Reads the id from a path, query or JSON value; a value of another form is refused with its rule. */
    @JsonCreator
    public static OrderId fromString(String value) {
        return new OrderId(value);
    }

    public static OrderId of(long number) {
        return new OrderId(Long.toString(number));
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
