package io.certdesk.order.product;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The algorithm of the key keystore-service generates for each order of a product. */
@Schema(name = "KeyAlgorithm")
public enum KeyAlgorithm {
    RSA_2048, RSA_3072, RSA_4096, EC_P256, EC_P384
}
