package io.certdesk.order.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The organisation as OV and EV certificates name it (O, L, ST, C of the CSR): romanised, as registered with the
 * CA, which checks it against the commercial register. DV certificates carry none of it.
 */
@Schema(name = "CertificateSubject")
public record CertificateSubject(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[\\x20-\\x7E]+", message = "must be written in ASCII letters as registered with the CA")
        @Schema(examples = "Sample Co., Ltd.") String organization,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[\\x20-\\x7E]+", message = "must be written in ASCII letters")
        @Schema(description = "City, ward or town (L)", examples = "Chiyoda-ku") String locality,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[\\x20-\\x7E]+", message = "must be written in ASCII letters")
        @Schema(description = "Prefecture (ST)", examples = "Tokyo") String state,
        @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter country code such as JP")
        @Schema(description = "ISO 3166 country code (C); JP when omitted", examples = "JP") String country) {

    /** The subject with surrounding blanks removed and the country defaulted to JP. */
    public CertificateSubject normalised() {
        return new CertificateSubject(organization.strip(), locality.strip(), state.strip(),
                country == null ? "JP" : country);
    }
}
