package io.certdesk.order.renewal;

import io.certdesk.order.platform.Digests;
import io.certdesk.order.remote.KeystoreClient;
import io.certdesk.order.remote.RemoteProblem;
import io.certdesk.order.remote.keystore.model.RenewalInfo;
import io.certdesk.order.remote.keystore.model.RenewalInfoStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * ACME certificates are replaced when their CA advises (ACME Renewal Information, RFC 9773, asked through
 * keystore-service): at a time inside the suggested window, picked once per certificate and window so that a
 * customer's many certificates spread over it, never later than the configured days before expiry, and at once
 * when the window has already begun to close. A CA that offers no advice leaves the usual time (a share of the
 * lifetime); one that cannot be reached is asked again later. Each answer is applied only while the term still has
 * the certificate it was asked about and no reissue under way.
 */
@ApplicationScoped
public class RenewalAdvice {

    private final KeystoreClient keystore;
    private final RenewalConfig config;
    private final TermRepository terms;

    public RenewalAdvice(KeystoreClient keystore, RenewalConfig config, TermRepository terms) {
        this.keystore = keystore;
        this.config = config;
        this.terms = terms;
    }

    private record Asked(long termId, String certificateId) {
    }

    /** Asks about the ACME terms due to be asked at {@code now}; answers how many were asked. */
    public Uni<Integer> refresh(Instant now, String customerId) {
        String scope = customerId == null ? "" : " and customerId = :customer";
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters
                .with("active", CertificateTerm.State.ACTIVE).and("now", now);
        if (customerId != null) {
            params.and("customer", customerId);
        }
        return Panache.withSession(() -> terms.find("state = :active and ariCheckAt <= :now and reissueOrderId is null "
                                + "and certificateId is not null" + scope + " order by ariCheckAt, id", params)
                        .page(0, config.reissue().ariBatchSize()).list())
                .map(due -> due.stream().map(t -> new Asked(t.id, t.certificateId)).toList())
                .flatMap(due -> Multi.createFrom().iterable(due)
                        // a Uni of nothing emits no item: each ask answers its term so that it is counted
                        .onItem().transformToUniAndConcatenate(a -> ask(a, now).replaceWith(a))
                        .collect().asList().map(List::size));
    }

    private Uni<Void> ask(Asked a, Instant now) {
        // no transaction is open while keystore-service asks the CA
        return keystore.renewalInfo(a.certificateId())
                .flatMap(info -> Panache.withTransaction(() -> apply(a, info, now)))
                .onFailure(RemoteProblem.class).recoverWithUni(e -> {
                    Log.warnf("Renewal information for certificate %s (term %d) could not be asked: %s; asking again "
                            + "in %s", a.certificateId(), a.termId(), e.getMessage(), config.reissue().ariEvery());
                    RenewalInfo later = new RenewalInfo().status(RenewalInfoStatus.UNAVAILABLE);
                    return Panache.withTransaction(() -> apply(a, later, now));
                });
    }

    private Uni<Void> apply(Asked a, RenewalInfo info, Instant now) {
        return terms.findForUpdate(a.termId()).invoke(t -> {
            if (t == null || t.state != CertificateTerm.State.ACTIVE || !a.certificateId().equals(t.certificateId)
                    || t.reissueOrderId != null || t.reissueAt == null) {
                return;
            }
            switch (info.getStatus()) {
                case OFFERED -> {
                    Instant start = info.getSuggestedWindowStartAt().toInstant();
                    Instant end = info.getSuggestedWindowEndAt().toInstant();
                    t.ariWindowStart = start;
                    t.ariWindowEnd = end;
                    t.reissueAt = within(t, start, end, now);
                    t.ariCheckAt = info.getCheckAgainAt() != null ? info.getCheckAgainAt().toInstant()
                            : now.plus(config.reissue().ariEvery());
                }
                // no advice: the share of the lifetime planned when the certificate arrived stays
                case NOT_OFFERED -> t.ariCheckAt = null;
                default -> t.ariCheckAt = now.plus(config.reissue().ariEvery());
            }
        }).replaceWithVoid();
    }

    /**
     * The time inside [start, end) for this certificate: the same for the same certificate and window, spread over
     * the window for different ones; now when the window closes before the next check; never later than the
     * configured days before the certificate expires.
     */
    Instant within(CertificateTerm t, Instant start, Instant end, Instant now) {
        Instant latest = t.certificateExpiresAt.minus(Duration.ofDays(config.reissue().latestDaysBefore()));
        Instant from = start.isBefore(now) ? now : start;
        Instant pick;
        if (!end.isAfter(from)) {
            pick = now;
        } else {
            long span = Math.max(1, Duration.between(from, end).getSeconds());
            pick = from.plusSeconds(Math.floorMod(spread(t.certificateId + "|" + start + "|" + end), span));
        }
        return pick.isAfter(latest) ? (latest.isBefore(now) ? now : latest) : pick;
    }

    private static long spread(String key) {
        return ByteBuffer.wrap(Digests.sha256(key)).getLong();
    }
}
