package io.certdesk.order.ordering;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why staff confirm an installation the probe cannot see; kept on the timeline. */
@Schema(name = "OverrideRequest")
public record OverrideRequest(
        @NotBlank @Size(max = 500) @Schema(examples = "Served behind the customer's load balancer; checked in a browser")
        String reason) {
}
