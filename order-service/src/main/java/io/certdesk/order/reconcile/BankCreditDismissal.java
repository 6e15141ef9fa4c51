package io.certdesk.order.reconcile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a credit in review is not a customer's payment. */
@Schema(name = "BankCreditDismissal")
public record BankCreditDismissal(
        @NotBlank @Size(max = 400) @Schema(examples = "仕入先からの返金") String reason) {
}
