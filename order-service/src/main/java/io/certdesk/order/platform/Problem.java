package io.certdesk.order.platform;

import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, the body of every 4xx and 5xx answer of the three services. Every member is always
 * present: {@code violations} and {@code allowedCommands} are empty lists when they do not apply.
 */
@Schema(name = "Problem", description = "RFC 9457 problem detail; the same schema in every certdesk service")
public record Problem(
        @Schema(description = "Stable URI of the problem type; x-problem-types lists them all") URI type,
        @Schema(description = "Short, human-readable summary of the problem type") String title,
        @Schema(description = "HTTP status code") int status,
        @Schema(description = "Explanation specific to this occurrence") String detail,
        @Schema(description = "Request path that produced the problem") String instance,
        @Schema(description = "Fields or parameters that failed validation; empty when none")
        List<Violation> violations,
        @Schema(description = "For a command the resource's state refuses (409): the commands it accepts now; empty "
                + "otherwise")
        List<String> allowedCommands) {

    public Problem {
        violations = violations == null ? List.of() : List.copyOf(violations);
        allowedCommands = allowedCommands == null ? List.of() : List.copyOf(allowedCommands);
    }

    /** One invalid input field or parameter. */
    @Schema(name = "Violation")
    public record Violation(
            @Schema(description = "Field path (e.g. contacts[0].phone) or parameter name") String field,
            @Schema(description = "What is wrong with it") String message) {
    }
}
