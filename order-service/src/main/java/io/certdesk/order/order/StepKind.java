package io.certdesk.order.order;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The remote steps of an order, in the order they run; the last two undo the first ones when it is cancelled. */
@Schema(name = "StepKind", description = "PLACE_DOMAIN: bind the domain on the server (binding-service); PREPARE_CSR: "
        + "generate the key and CSR (keystore-service); SUBMIT_APPLICATION: request the issuance; FOLLOW_ISSUANCE: wait "
        + "for the certificate; LINK_CERTIFICATE: tell binding-service which certificate the domain serves; "
        + "CONFIRM_DEPLOYMENT: probe that the web server serves it; RELEASE_DOMAIN and ABANDON_KEY: undo the placement "
        + "and retire the unused key of a cancelled order")
public enum StepKind {
    PLACE_DOMAIN, PREPARE_CSR, SUBMIT_APPLICATION, FOLLOW_ISSUANCE, LINK_CERTIFICATE, CONFIRM_DEPLOYMENT,
    RELEASE_DOMAIN, ABANDON_KEY
}
