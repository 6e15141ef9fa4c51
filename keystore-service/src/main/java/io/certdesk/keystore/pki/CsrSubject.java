package io.certdesk.keystore.pki;

import java.util.List;

/**
 * A validated certificate subject: canonical names (punycode), the common name first among the SANs,
 * organisation fields only when the validation level asks for them.
 */
public record CsrSubject(
        ValidationLevel level,
        String commonName,
        String organization,
        String organizationalUnit,
        String locality,
        String state,
        String country,
        List<String> dnsNames) {

    /** How much the CA validates; decides which subject fields are required or forbidden. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ValidationLevel")
    public enum ValidationLevel { DV, OV, EV }
}
