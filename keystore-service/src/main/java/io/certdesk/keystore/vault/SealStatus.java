package io.certdesk.keystore.vault;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether the vault is initialised and sealed, and how far a manual unseal has come. */
@Schema(name = "SealStatus")
public record SealStatus(
        @Schema(description = "Whether the vault has its root key (POST /sys/init, or the key file/token on first start)") boolean initialized,
        @Schema(description = "While sealed, nothing is decrypted and key operations answer 503") boolean sealed,
        @Schema(description = "How the vault unseals") VaultConfig.UnsealMode unsealMode,
        @Schema(description = "Key shares handed out at init (0 unless SHAMIR)") int shares,
        @Schema(description = "Shares needed to unseal (0 unless SHAMIR)") int threshold,
        @Schema(description = "Shares received towards the next unseal") int progress,
        @Schema(description = "Master key version new data keys are wrapped with; null while sealed", nullable = true) Integer masterKeyVersion) {
}
