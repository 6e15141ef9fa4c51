package io.certdesk.order.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What staff send to create a customer, or its full new state. */
@Schema(name = "CustomerRequest")
public record CustomerRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "株式会社サンプル") String organisationName,
        @NotBlank @Size(max = 200) @Pattern(regexp = "[ァ-ヺー・　 A-Za-z0-9&.,()-]+",
                message = "must be written in katakana (full- or half-width; hiragana is turned into katakana)") @Schema(examples = "カブシキガイシャサンプル") String organisationKana,
        @NotBlank @Pattern(regexp = "[0-9]{3}-[0-9]{4}", message = "must be a Japanese postal code such as 100-0001 (〒, full-width digits and any dash are accepted)")
        String postalCode,
        @NotBlank @Size(max = 400) @Schema(examples = "東京都千代田区千代田1-1") String address,
        @NotBlank @Size(max = 100) String representativeName,
        @NotBlank @Size(max = 100) @Schema(examples = "代表取締役") String representativeTitle,
        @NotNull @Schema(description = "Listed on a stock exchange") Boolean listed,
        @NotBlank @Email @Size(max = 254) @Schema(description = "Where notices are mailed") String noticeEmail,
        @NotNull @Schema(description = "Preferred hours for the CA's call start (Asia/Tokyo)", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "10:00")
        LocalTime callHoursFrom,
        @NotNull @Schema(description = "Preferred hours for the CA's call end (Asia/Tokyo)", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "17:00")
        LocalTime callHoursTo,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid ContactRequest> contacts,
        @Valid @Schema(description = "Required before an OV or EV certificate is quoted: the organisation as the certificate names it")
        CertificateSubject certificateSubject,
        @Schema(description = "Last day (Asia/Tokyo) the CA honours the organisation's validation, when staff learn it "
                + "from the CA; kept when omitted (an OV/EV order that passes its documents and call sets it)",
                nullable = true)
        LocalDate organisationValidatedUntilDate) {

    /** Kana and postal code in their one stored form before they are checked (see {@link JapaneseInput}). */
    public CustomerRequest {
        organisationKana = JapaneseInput.kana(organisationKana);
        postalCode = JapaneseInput.postalCode(postalCode);
    }
}
