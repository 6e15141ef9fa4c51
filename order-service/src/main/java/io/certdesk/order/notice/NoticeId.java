package io.certdesk.order.notice;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.certdesk.order.platform.Ids;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A notice queued for the customer. */
@Schema(name = "NoticeId", type = SchemaType.STRING, pattern = Ids.SERIAL, examples = "1", description = "A notice queued for the customer")
public record NoticeId(String value) {

    public NoticeId {
        Ids.serial(value, "notice id");
    }

    @JsonCreator
    public static NoticeId fromString(String value) {
        return new NoticeId(value);
    }

    public static NoticeId of(long number) {
        return new NoticeId(Long.toString(number));
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
