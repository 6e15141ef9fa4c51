package io.certdesk.order.move;

import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.ProblemType;
import io.certdesk.order.remote.BindingClient;
import io.certdesk.order.remote.KeystoreClient;
import io.certdesk.order.remote.RemoteProblem;
import io.certdesk.order.remote.keystore.model.Certificate;
import io.certdesk.order.remote.keystore.model.CertificatePlacement;
import io.certdesk.order.remote.keystore.model.MigrationRequest;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Moving a certificate to another server of its customer (the source's 別のサーバーへ移転): the target server's
 * customer and master domain come from binding-service, never from the person asking, and keystore-service checks
 * both against the certificate before the new server may fetch the key. The old server keeps its access until the
 * customer (or staff for them) confirms the move; then every other server loses it.
 */
@ApplicationScoped
public class CertificateMoveService {

    private final KeystoreClient keystore;
    private final BindingClient binding;

    public CertificateMoveService(KeystoreClient keystore, BindingClient binding) {
        this.keystore = keystore;
        this.binding = binding;
    }

    public Uni<CertificateMove> request(String certificateId, String targetServerId, String customerScope, String by) {
        return certificate(certificateId, customerScope)
                .flatMap(certificate -> binding.getServer(targetServerId)
                        .onFailure().transform(e -> translate(e, "targetServerId", "Server", targetServerId))
                        .flatMap(server -> keystore.migrate(certificateId, new MigrationRequest()
                                .targetServerId(targetServerId)
                                .targetMasterDomain(server.getMasterDomain())
                                .targetCustomerId(server.getCustomerId()), null)))
                .onFailure(e -> !(e instanceof DomainException))
                .transform(e -> translate(e, null, "Certificate", certificateId))
                .invoke(moved -> Log.infof("%s let certificate %s move to server %s (servers now %s)", by, certificateId,
                        targetServerId, servers(moved)))
                .map(moved -> CertificateMove.of(moved, targetServerId));
    }

    public Uni<CertificateMove> confirm(String certificateId, String targetServerId, String customerScope, String by) {
        return certificate(certificateId, customerScope).flatMap(certificate -> {
            List<String> servers = servers(certificate);
            if (!servers.contains(targetServerId)) {
                return Uni.createFrom().failure(DomainException.conflict("Certificate " + certificateId
                        + " has not been moved to server " + targetServerId + " (its servers are " + servers
                        + "); request the move first"));
            }
            List<String> old = servers.stream().filter(s -> !s.equals(targetServerId)).toList();
            return Multi.createFrom().iterable(old)
                    .onItem().transformToUniAndConcatenate(server -> keystore.retirePlacement(certificateId, server))
                    .collect().last()
                    .onFailure().transform(e -> translate(e, null, "Certificate", certificateId))
                    .invoke(() -> Log.infof("%s confirmed the move of certificate %s to server %s; servers %s lost deploy "
                            + "access", by, certificateId, targetServerId, old))
                    .chain(() -> certificate(certificateId, customerScope));
        }).map(after -> CertificateMove.of(after, targetServerId));
    }

    /** The certificate, or 404 when it does not exist or belongs to another customer than a customer caller. */
    private Uni<Certificate> certificate(String certificateId, String customerScope) {
        return keystore.getCertificate(certificateId)
                .onFailure().transform(e -> translate(e, null, "Certificate", certificateId))
                .flatMap(c -> customerScope != null && !customerScope.equals(c.getCustomerId())
                        ? Uni.createFrom().failure(DomainException.hidden("Certificate", certificateId))
                        : Uni.createFrom().item(c));
    }

    private static List<String> servers(Certificate certificate) {
        return certificate.getServers().stream().map(CertificatePlacement::getServerId).toList();
    }

    /** A peer's answer as this service's own: refusals keep their meaning, outages become 503 with Retry-After. */
    private static RuntimeException translate(Throwable failure, String field, String what, String id) {
        if (failure instanceof DomainException domain) {
            return domain;
        }
        RemoteProblem problem = failure instanceof RemoteProblem p ? p : RemoteProblem.of("a peer service", failure);
        if (problem.retryable()) {
            return DomainException.unavailable(problem.service() + " cannot serve now; try again shortly", 5);
        }
        if (problem.is(404)) {
            return field == null ? DomainException.notFound(what, id) : DomainException.unknownReference(field, what.toLowerCase(), id);
        }
        if (problem.type() != null && problem.type().equals(ProblemType.MIGRATION_REFUSED.uri().toString())) {
            return new DomainException(ProblemType.MIGRATION_REFUSED, problem.detail());
        }
        if (problem.is(409)) {
            return DomainException.conflict(problem.detail());
        }
        return DomainException.unprocessable(problem.detail() == null ? what + " " + id + " cannot be moved" : problem.detail());
    }
}
