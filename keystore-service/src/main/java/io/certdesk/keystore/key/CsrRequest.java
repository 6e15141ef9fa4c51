package io.certdesk.keystore.key;

import io.certdesk.keystore.pki.CsrSubject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The subject and names of a CSR; checked like a CA would before it is signed with the key. */
@Schema(name = "CsrRequest")
public record CsrRequest(
        @NotNull @Schema(description = "DV forbids organisation fields; OV and EV require O, L, ST and C; EV forbids wildcards") CsrSubject.ValidationLevel validationLevel,
        @NotNull @Size(max = 253) @Schema(examples = "www.aaa.co.jp") String commonName,
        @Size(max = 64) @Schema(examples = "AAA Co., Ltd.") String organization,
        @Size(max = 64) String organizationalUnit,
        @Size(max = 128) @Schema(examples = "Shibuya-ku") String locality,
        @Size(max = 128) @Schema(examples = "Tokyo") String state,
        @Size(max = 2) @Schema(examples = "JP") String country,
        @Size(max = 100) @Schema(description = "DNS names; the common name is added when missing, and must be among them when given") List<String> subjectAlternativeNames) {
}
