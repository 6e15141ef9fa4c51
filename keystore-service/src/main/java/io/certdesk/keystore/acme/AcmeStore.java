package io.certdesk.keystore.acme;

import io.certdesk.keystore.platform.Times;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

/** ACME accounts and published http-01 tokens, shared by every replica through the database. */
@ApplicationScoped
public class AcmeStore {

    @WithTransaction
    public Uni<Void> publish(String token, String keyAuthorization, UUID issuanceId, Duration ttl) {
        return Panache.getSession().flatMap(s -> s.find(AcmeChallenge.class, token).flatMap(existing -> {
            AcmeChallenge c = existing != null ? existing : new AcmeChallenge();
            c.token = token;
            c.keyAuthorization = keyAuthorization;
            c.issuanceId = issuanceId;
            c.expiresAt = Times.now().plus(ttl);
            return existing != null ? Uni.createFrom().voidItem() : s.persist(c);
        }));
    }

    @WithTransaction
    public Uni<Void> withdraw(String token) {
        return Panache.getSession().flatMap(s -> s.createMutationQuery("delete from AcmeChallenge where token = :t or expiresAt < :now")
                .setParameter("t", token).setParameter("now", Times.now()).executeUpdate()).replaceWithVoid();
    }

    /** The key authorization for a live token, or null. */
    @WithSession
    public Uni<String> answer(String token) {
        return Panache.getSession().flatMap(s -> s.find(AcmeChallenge.class, token))
                .map(c -> c == null || c.expiresAt.isBefore(Times.now()) ? null : c.keyAuthorization);
    }

    /** The account for a directory, in the caller's session; null when none exists yet. */
    public Uni<AcmeAccount> account(String directoryUrl) {
        return Panache.getSession().flatMap(s -> s.find(AcmeAccount.class, directoryUrl));
    }

    public Uni<AcmeAccount> persist(AcmeAccount account) {
        return Panache.getSession().flatMap(s -> s.persist(account)).replaceWith(account);
    }

    @WithTransaction
    public Uni<Void> rememberAccountUrl(String directoryUrl, String accountUrl) {
        return Panache.getSession().flatMap(s -> s.find(AcmeAccount.class, directoryUrl)).invoke(a -> {
            if (a != null) {
                a.accountUrl = accountUrl;
            }
        }).replaceWithVoid();
    }
}
