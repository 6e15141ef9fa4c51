package io.certdesk.order.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every 4xx and 5xx answer. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem detail")
public record Problem(
        @Schema(description = "Stable URI identifying the problem type") URI type,
        @Schema(description = "Short, human-readable summary of the problem type") String title,
        @Schema(description = "HTTP status code") int status,
        @Schema(description = "Explanation specific to this occurrence") String detail,
        @Schema(description = "Request path that produced the problem") String instance,
        @Schema(description = "Fields that failed validation") List<Violation> violations,
        @Schema(description = "For an illegal order transition: the commands the order accepts in its current state")
        List<String> allowedCommands) {

    public Problem(URI type, String title, int status, String detail, String instance, List<Violation> violations) {
        this(type, title, status, detail, instance, violations, List.of());
    }

    /** One invalid input field. */
    @Schema(name = "Violation")
    public record Violation(
            @Schema(description = "Field path, e.g. applicationFeeJpy") String field,
            @Schema(description = "What is wrong with it") String message) {
    }
}
