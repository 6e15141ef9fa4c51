package io.certdesk.order.document;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a document cannot be accepted; mailed to nobody, shown to the customer on the checklist. */
@Schema(name = "RejectRequest")
public record RejectRequest(@NotBlank @Size(max = 1000) @Schema(examples = "印鑑証明書の発行から3ヶ月以上経過しています") String reason) {
}
