package io.certdesk.keystore.vault;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether the vault is initialised and sealed, and how many shares unsealing takes. */
@Schema(name = "SealStatus")
public record SealStatus(
        @Schema(description = "Whether POST /sys/init has been done") boolean initialized,
        @Schema(description = "While sealed, nothing is decrypted and key operations answer 503") boolean sealed,
        @Schema(description = "Number of key shares handed out at init (0 before init)") int shares,
        @Schema(description = "Number of shares needed to unseal (0 before init)") int threshold) {
}
