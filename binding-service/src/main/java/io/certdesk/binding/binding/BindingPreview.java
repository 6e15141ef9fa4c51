package io.certdesk.binding.binding;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a domain would be placed on a server, before it is: what a quote shows the customer. */
@Schema(name = "BindingPreview")
public record BindingPreview(
        @Schema(description = "The domain as it would be stored (punycode, lower case)") String domain,
        @Schema(description = "The strategy asked for, or the existing binding's") Strategy strategy,
        @Schema(description = "The address; null for a DEDICATED_IP that is not bound yet (drawn from a pool when bound)",
                nullable = true) String ip,
        int port,
        String httpsUrl,
        @Schema(description = "The binding the domain already has on this server; nothing new would be placed",
                nullable = true) BindingView existing,
        List<String> warnings) {
}
