package io.certdesk.order.quote;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How binding-service places the order's domain on the server: SNI on the shared HTTPS address (the default), a
 * DEDICATED_IP drawn from a pool, or an ALTERNATE_PORT such as 444.
 */
@Schema(name = "BindingStrategy")
public enum BindingStrategy {
    SNI, DEDICATED_IP, ALTERNATE_PORT
}
