package io.certdesk.order.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.certdesk.order.platform.Ids;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An orchestration step of an order, issued by order-service. */
@Schema(name = "StepId", type = SchemaType.STRING, pattern = Ids.SERIAL, examples = "7", description = "An orchestration step of an order, issued by order-service")
public record StepId(String value) {

    public StepId {
        Ids.serial(value, "step id");
    }

    @JsonCreator
    public static StepId fromString(String value) {
        return new StepId(value);
    }

    public static StepId of(long number) {
        return new StepId(Long.toString(number));
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
