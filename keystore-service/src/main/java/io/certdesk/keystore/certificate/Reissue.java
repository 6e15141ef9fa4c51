package io.certdesk.keystore.certificate;

import io.certdesk.keystore.key.CsrRequest;
import io.certdesk.keystore.key.KeyRequest;
import io.certdesk.keystore.key.KeyService;
import io.certdesk.keystore.key.KeyView;
import io.certdesk.keystore.pki.Csrs;
import io.certdesk.keystore.pki.KeyAlgorithm;
import io.certdesk.keystore.platform.CustomerId;
import io.certdesk.keystore.platform.DomainException;
import io.certdesk.keystore.platform.OrderId;
import io.certdesk.keystore.platform.ProblemType;
import io.certdesk.keystore.platform.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Prepares a reissue: some CAs reissue a certificate during its validity for a new key (after a
 * key loss, or a move to a new algorithm). A new key gets a CSR with the same subject and names.
 */
@ApplicationScoped
public class Reissue {

    private final CertificateService certificates;
    private final KeyService keys;

    public Reissue(CertificateService certificates, KeyService keys) {
        this.certificates = certificates;
        this.keys = keys;
    }

    /** Optional choice of a different key algorithm. */
    @Schema(name = "ReissueRequest")
    public record Request(@Schema(description = "Defaults to the current key's algorithm") KeyAlgorithm algorithm) {
    }

    private record Plan(KeyRequest key, CsrRequest csr) {
    }

    public Uni<KeyView> prepare(UUID certificateId, KeyAlgorithm algorithm, String by) {
        return plan(certificateId, algorithm).flatMap(plan -> keys.generateWithCsr(plan.key(), plan.csr(), by));
    }

    @WithSession
    Uni<Plan> plan(UUID certificateId, KeyAlgorithm algorithm) {
        return certificates.require(certificateId, null).flatMap(c -> {
            if (!c.validAt(Times.now())) {
                return Uni.createFrom().failure(new DomainException(ProblemType.UNPROCESSABLE,
                        "Certificate " + certificateId + " is not valid now (until " + c.notAfter
                                + "); a reissue is only possible during validity, otherwise apply for a new certificate"));
            }
            return keys.require(c.keyId, null).map(old -> {
                X500Name subject = Csrs.read(old.csrPem).getSubject();
                CsrRequest csr = new CsrRequest(old.csrLevel, Csrs.attribute(subject, BCStyle.CN),
                        Csrs.attribute(subject, BCStyle.O), Csrs.attribute(subject, BCStyle.OU),
                        Csrs.attribute(subject, BCStyle.L), Csrs.attribute(subject, BCStyle.ST),
                        Csrs.attribute(subject, BCStyle.C), List.of(old.csrNames.split("\n")));
                KeyRequest key = new KeyRequest(new CustomerId(old.customerId), old.label,
                        old.orderId == null ? null : new OrderId(old.orderId),
                        algorithm != null ? algorithm : old.algorithm);
                return new Plan(key, csr);
            });
        });
    }
}
