package io.certdesk.order.move;

import io.certdesk.order.platform.CertificateId;
import io.certdesk.order.platform.CustomerId;
import io.certdesk.order.platform.ServerId;
import io.certdesk.order.remote.keystore.model.Certificate;
import io.certdesk.order.remote.keystore.model.CertificatePlacement;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A certificate's servers after a move was requested or confirmed. */
@Schema(name = "CertificateMove")
public record CertificateMove(
        CertificateId certificateId,
        CustomerId customerId,
        @Schema(description = "The master domain the certificate was issued under; every server it moves to has it") String masterDomain,
        ServerId targetServerId,
        @Schema(description = "Every server that may fetch the certificate's deploy material now, oldest first") List<ServerId> servers) {

    static CertificateMove of(Certificate certificate, String targetServerId) {
        return new CertificateMove(new CertificateId(certificate.getId()), new CustomerId(certificate.getCustomerId()),
                certificate.getMasterDomain(), new ServerId(targetServerId),
                certificate.getServers().stream().map(CertificatePlacement::getServerId).map(ServerId::new).toList());
    }
}
