package io.certdesk.order.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contact person; send the id of an existing contact to keep it (and its references), omit it to add one. */
@Schema(name = "ContactRequest")
public record ContactRequest(
        @Schema(description = "Id of an existing contact of this customer; omit for a new contact") ContactId id,
        @NotBlank @Size(max = 100) @Schema(examples = "山田 太郎") String name,
        @NotBlank @Size(max = 32) @Pattern(regexp = "\\+?[0-9][0-9-]{5,30}", message = "must be a phone number such as 03-1234-5678 (full-width digits, parentheses and any dash are accepted)")
        @Schema(examples = "03-1234-5678") String phone,
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Schema(description = "May answer the CA's verification call") Boolean authorisedForCaCall,
        @NotNull @Schema(description = "Is the company's representative") Boolean representative) {

    /** The phone number in its one stored form before it is checked (see {@link JapaneseInput}). */
    public ContactRequest {
        phone = JapaneseInput.phone(phone);
    }
}
