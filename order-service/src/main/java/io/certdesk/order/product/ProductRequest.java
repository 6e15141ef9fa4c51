package io.certdesk.order.product;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What staff send to create a product. */
@Schema(name = "ProductRequest")
public record ProductRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]*", message = "must be upper-case letters, digits, '-' or '_'")
        @Schema(examples = "GS-DV-1Y") String code,
        @NotBlank @Size(max = 200) @Schema(examples = "GlobalSign DomainSSL 1 year") String name,
        @NotBlank @Size(max = 100) @Schema(examples = "GlobalSign") String caBrand,
        @NotNull ValidationLevel validationLevel,
        @NotNull @Min(1) @Max(60) @Schema(description = "Certificate validity in months") Integer validityMonths,
        @NotNull @Min(0) @Max(10_000_000) @Schema(description = "CA application fee in JPY, tax included") Long applicationFeeJpy,
        @Schema(description = "Whether the product is offered; defaults to true") Boolean active,
        @Schema(description = "EV only: whether the CA asks for an attorney's opinion letter; defaults to true for EV "
                + "and must not be true for DV/OV") Boolean requiresAttorneyLetter,
        @Schema(description = "Who signs the certificates; defaults to the configured issuer (MANUAL in production)")
        Issuer issuer,
        @Schema(description = "The algorithm of each order's key; defaults to RSA_2048") KeyAlgorithm keyAlgorithm,
        @Schema(description = "Whether reissues inside a paid term keep the current key (some customers pin it); "
                + "defaults to false: each reissue gets a new key") Boolean reuseKey) {
}
