package io.certdesk.order.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Questions about the domain owner's details to mail to the customer. */
@Schema(name = "OwnerQuestionsRequest")
public record OwnerQuestionsRequest(
        @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 500) String> questions) {
}
