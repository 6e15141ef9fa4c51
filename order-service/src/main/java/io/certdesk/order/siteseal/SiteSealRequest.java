package io.certdesk.order.siteseal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The task's new state: where the seal goes and whether it was placed. */
@Schema(name = "SiteSealRequest")
public record SiteSealRequest(
        @NotNull SiteSealStatus status,
        @Size(max = 500) @Schema(examples = "トップページのフッター右下") String placement,
        @Size(max = 1000) String note) {
}
