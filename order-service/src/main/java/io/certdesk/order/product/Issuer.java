package io.certdesk.order.product;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who signs a product's certificates, as keystore-service's issuances name it: MANUAL (staff apply at a commercial
 * CA's portal and upload what it sends), ACME (an ACME CA, automatically) or LOCAL (keystore's development CA).
 */
@Schema(name = "Issuer")
public enum Issuer {
    MANUAL, ACME, LOCAL
}
