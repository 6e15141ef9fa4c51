package io.certdesk.order.move;

import io.certdesk.order.platform.ServerId;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a certificate is to move; the server's customer and master domain are read from binding-service. */
@Schema(name = "CertificateMoveRequest")
public record CertificateMoveRequest(
        @NotNull @Schema(description = "The server the certificate moves to; it must belong to the certificate's customer "
                + "and have the certificate's master domain") ServerId targetServerId) {
}
