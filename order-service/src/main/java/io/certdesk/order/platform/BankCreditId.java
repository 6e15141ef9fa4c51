package io.certdesk.order.platform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A credit line of an imported bank statement. */
@Schema(name = "BankCreditId", type = SchemaType.STRING, pattern = Ids.SERIAL, examples = "1", description = "A credit line of an imported bank statement")
public record BankCreditId(String value) {

    public BankCreditId {
        Ids.serial(value, "bank credit id");
    }

    @JsonCreator
    public static BankCreditId fromString(String value) {
        return new BankCreditId(value);
    }

    public static BankCreditId of(long number) {
        return new BankCreditId(Long.toString(number));
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
