package io.certdesk.order.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.certdesk.order.platform.Ids;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contact person of a customer. */
@Schema(name = "ContactId", type = SchemaType.STRING, pattern = Ids.SERIAL, examples = "1", description = "A contact person of a customer")
public record ContactId(String value) {

    public ContactId {
        Ids.serial(value, "contact id");
    }

    @JsonCreator
    public static ContactId fromString(String value) {
        return new ContactId(value);
    }

    public static ContactId of(long number) {
        return new ContactId(Long.toString(number));
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
