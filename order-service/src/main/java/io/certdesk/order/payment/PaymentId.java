package io.certdesk.order.payment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.certdesk.order.platform.Ids;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recorded payment. */
@Schema(name = "PaymentId", type = SchemaType.STRING, pattern = Ids.SERIAL, examples = "1", description = "A recorded payment")
public record PaymentId(String value) {

    public PaymentId {
        Ids.serial(value, "payment id");
    }

    @JsonCreator
    public static PaymentId fromString(String value) {
        return new PaymentId(value);
    }

    public static PaymentId of(long number) {
        return new PaymentId(Long.toString(number));
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
