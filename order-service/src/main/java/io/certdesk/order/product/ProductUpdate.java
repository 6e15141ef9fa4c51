package io.certdesk.order.product;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The full new state of a product; its code never changes. */
@Schema(name = "ProductUpdate")
public record ProductUpdate(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String caBrand,
        @NotNull ValidationLevel validationLevel,
        @NotNull @Min(1) @Max(60) Integer validityMonths,
        @NotNull @Min(0) @Max(10_000_000) Long applicationFeeJpy,
        @NotNull Boolean active,
        @Schema(description = "EV only: whether the CA asks for an attorney's opinion letter; kept when omitted "
                + "(true for a product changed to EV)") Boolean requiresAttorneyLetter,
        @Schema(description = "Who signs the certificates of orders quoted from now on; kept when omitted") Issuer issuer,
        @Schema(description = "The key algorithm of orders quoted from now on; kept when omitted") KeyAlgorithm keyAlgorithm,
        @Schema(description = "Whether reissues keep the current key; kept when omitted") Boolean reuseKey) {
}
