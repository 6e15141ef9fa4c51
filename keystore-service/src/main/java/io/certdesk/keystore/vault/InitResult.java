package io.certdesk.keystore.vault;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The key shares of a new vault: shown once, never stored. Give each to a different person. */
@Schema(name = "InitResult")
public record InitResult(
        int shares,
        int threshold,
        @Schema(description = "Base64 key shares; any `threshold` of them unseal the vault. Shown only this once.") List<String> keyShares) {

    /** Never the shares themselves: records end up in logs and exception messages. */
    @Override
    public String toString() {
        return "InitResult[shares=" + shares + ", threshold=" + threshold + ", keyShares=(hidden)]";
    }
}
