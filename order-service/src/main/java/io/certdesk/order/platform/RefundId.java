package io.certdesk.order.platform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Money returned to a customer: a refund or an excess applied to another invoice. */
@Schema(name = "RefundId", type = SchemaType.STRING, pattern = Ids.SERIAL, examples = "1", description = "Money returned to a customer: a refund or an excess applied to another invoice")
public record RefundId(String value) {

    public RefundId {
        Ids.serial(value, "refund id");
    }

    @JsonCreator
    public static RefundId fromString(String value) {
        return new RefundId(value);
    }

    public static RefundId of(long number) {
        return new RefundId(Long.toString(number));
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
