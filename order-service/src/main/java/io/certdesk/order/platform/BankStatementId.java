package io.certdesk.order.platform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An imported bank statement. */
@Schema(name = "BankStatementId", type = SchemaType.STRING, pattern = Ids.SERIAL, examples = "1", description = "An imported bank statement")
public record BankStatementId(String value) {

    public BankStatementId {
        Ids.serial(value, "bank statement id");
    }

    @JsonCreator
    public static BankStatementId fromString(String value) {
        return new BankStatementId(value);
    }

    public static BankStatementId of(long number) {
        return new BankStatementId(Long.toString(number));
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
