package io.certdesk.keystore.issuance;

import io.certdesk.keystore.acme.AcmeAccount;
import io.certdesk.keystore.acme.AcmeClient;
import io.certdesk.keystore.acme.AcmeStore;
import io.certdesk.keystore.certificate.CertificateService;
import io.certdesk.keystore.key.KeyService;
import io.certdesk.keystore.key.ManagedKey;
import io.certdesk.keystore.pki.CertificateCheck;
import io.certdesk.keystore.pki.Certificates;
import io.certdesk.keystore.pki.Csrs;
import io.certdesk.keystore.pki.KeyAlgorithm;
import io.certdesk.keystore.pki.KeyPairs;
import io.certdesk.keystore.platform.DomainException;
import io.certdesk.keystore.platform.Offload;
import io.certdesk.keystore.platform.ProblemType;
import io.certdesk.keystore.platform.Times;
import io.certdesk.keystore.vault.SealState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Works through pending ACME issuances in the background: each due one is claimed (a lease, so
 * replicas never work on the same one), taken through the CA on a worker thread, and then marked
 * ISSUED, retried with backoff (or at the CA's Retry-After), or FAILED with the CA's problem.
 */
@ApplicationScoped
public class AcmeIssuer {

    static final String ACCOUNT_OWNER = "certdesk-acme-account";
    private static final int BATCH = 5;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final IssuanceService issuances;
    private final KeyService keys;
    private final AcmeStore store;
    private final SealState seal;
    private final IssuanceConfig.Acme config;
    private final AcmeClient client;

    private final CertificateService certificates;

    public AcmeIssuer(IssuanceService issuances, KeyService keys, AcmeStore store, SealState seal, IssuanceConfig config,
            CertificateService certificates) {
        this.certificates = certificates;
        this.issuances = issuances;
        this.keys = keys;
        this.store = store;
        this.seal = seal;
        this.config = config.acme();
        this.client = new AcmeClient(this.config.serverTrust(), this.config.eabKeyId(), this.config.eabHmacKey(),
                this.config.contactEmail(), this.config.stepTimeout());
    }

    /** One claimed attempt: {@code attempt} is the issuance's attempt count it took, checked when its outcome returns. */
    private record Claimed(AcmeClient.Job job, int attempt, Duration retryDelay) {
    }

    @Scheduled(every = "${certdesk.issuance.acme.poll-every}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        if (config.directoryUrl().isEmpty() || seal.sealed()) {
            return Uni.createFrom().voidItem();
        }
        return next(BATCH)
                .onFailure().invoke(e -> Log.warnf(e, "ACME run stopped; it resumes on the next run"))
                .onFailure().recoverWithNull();
    }

    /**
     * Claims one due issuance and runs its attempt, then the next, up to {@code left} in this run: each lease starts
     * when its attempt does, so an issuance never waits out its lease behind others and gets claimed by a second
     * replica meanwhile.
     */
    private Uni<Void> next(int left) {
        if (left == 0 || seal.sealed()) {
            return Uni.createFrom().voidItem();
        }
        return claim().flatMap(claimed -> claimed.isEmpty() ? Uni.createFrom().voidItem()
                : process(claimed.get(0)).chain(() -> next(left - 1)));
    }

    /** Takes the next due issuance with a lease long enough for one attempt; SKIP LOCKED keeps replicas apart. */
    @WithTransaction
    Uni<List<Claimed>> claim() {
        URI directory = config.directoryUrl().orElseThrow();
        Instant now = Times.now();
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select * from issuance where issuer = 'ACME' and status in ('PENDING', 'VALIDATING') "
                                + "and next_attempt_at <= :now order by next_attempt_at limit 1 for update skip locked",
                        Issuance.class)
                .setParameter("now", now).getResultList())
                .flatMap(due -> due.isEmpty() ? Uni.createFrom().item(List.<Claimed>of()) : account(directory)
                        .flatMap(account -> Multi.createFrom().iterable(due)
                                .onItem().transformToUniAndConcatenate(i -> claimOne(i, directory, account, now))
                                .filter(java.util.Objects::nonNull)
                                .collect().asList()));
    }

    private Uni<Claimed> claimOne(Issuance i, URI directory, AccountKey account, Instant now) {
        i.updatedAt = now;
        if (i.attempts >= config.maxAttempts()) {
            // the last attempt never completed (its worker died or its result could not be stored)
            i.status = Issuance.Status.FAILED;
            i.problemType = "urn:certdesk:acme:attempts-exhausted";
            i.problemDetail = "gave up after " + i.attempts + " attempts; the last one did not complete";
            i.nextAttemptAt = null;
            return Uni.createFrom().nullItem();
        }
        i.status = Issuance.Status.VALIDATING;
        i.attempts++;
        Duration delay = backoff(i.attempts);
        return keys.require(i.keyId, null).map(key -> {
            List<String> names = List.of(key.csrNames.split("\n"));
            // a lease long enough for the whole attempt: every challenge, readiness and finalisation may each wait a step
            i.nextAttemptAt = now.plus(config.stepTimeout().multipliedBy(names.size() + 3L));
            return new Claimed(new AcmeClient.Job(i.id, directory, account.pair(), account.url(), names, der(key)),
                    i.attempts, delay);
        });
    }

    private record AccountKey(KeyPair pair, String url) {
    }

    /** The ACME account's key pair, created in the vault on first use. */
    private Uni<AccountKey> account(URI directory) {
        return store.account(directory.toString()).flatMap(existing -> {
            if (existing != null) {
                return keys.requireInternal(existing.keyId).flatMap(key -> keys.privateKey(key).map(privateKey ->
                        new AccountKey(new KeyPair(KeyPairs.publicKey(key.algorithm, key.publicKey), privateKey), existing.accountUrl)));
            }
            KeyPair pair = KeyPairs.generate(KeyAlgorithm.EC_P256);
            return keys.storeInternal(ACCOUNT_OWNER, "ACME account " + directory, KeyAlgorithm.EC_P256, pair)
                    .flatMap(key -> {
                        AcmeAccount a = new AcmeAccount();
                        a.directoryUrl = directory.toString();
                        a.keyId = key.id;
                        a.createdAt = Times.now();
                        return store.persist(a);
                    }).map(a -> new AccountKey(pair, null));
        });
    }

    private Uni<Void> process(Claimed claimed) {
        AcmeClient.Job job = claimed.job();
        AcmeClient.Responder responder = new AcmeClient.Responder() {
            @Override
            public void publish(String token, String keyAuthorization) {
                await(() -> store.publish(token, keyAuthorization, job.issuanceId(), config.stepTimeout().multipliedBy(2)));
            }

            @Override
            public void withdraw(String token) {
                await(() -> store.withdraw(token));
            }
        };
        return Offload.cpu(() -> client.obtain(job, responder, claimed.retryDelay()))
                .flatMap(outcome -> complete(job, claimed.attempt(), outcome))
                .onFailure().invoke(e -> Log.errorf(e, "ACME issuance %s could not be completed", job.issuanceId()))
                .onFailure().recoverWithNull();
    }

    /**
     * Stores an attempt's outcome, on the locked row, only while that attempt is still the issuance's: an attempt that
     * outlived its lease was claimed again (here or by another replica), and the newer attempt's outcome decides.
     */
    @WithTransaction
    Uni<Void> complete(AcmeClient.Job job, int attempt, AcmeClient.Outcome outcome) {
        return Panache.getSession().flatMap(s -> s.find(Issuance.class, job.issuanceId(), LockModeType.PESSIMISTIC_WRITE)).flatMap(i -> {
            if (i == null || i.status != Issuance.Status.VALIDATING || i.attempts != attempt) {
                if (i != null && i.status == Issuance.Status.VALIDATING) {
                    Log.warnf("ACME issuance %s: attempt %d ended after attempt %d took over; its outcome is dropped",
                            job.issuanceId(), attempt, i.attempts);
                }
                return Uni.createFrom().voidItem();
            }
            i.updatedAt = Times.now();
            if (outcome instanceof AcmeClient.Outcome.Issued issued) {
                return keys.require(i.keyId, null).flatMap(key -> accept(i, key, issued))
                        .call(() -> store.account(job.directory().toString()).invoke(a -> a.accountUrl = issued.accountUrl()))
                        .replaceWithVoid();
            }
            if (outcome instanceof AcmeClient.Outcome.Retry retry) {
                i.problemType = retry.problemType();
                i.problemDetail = truncate(retry.detail());
                if (i.attempts >= config.maxAttempts()) {
                    i.status = Issuance.Status.FAILED;
                    i.problemDetail = truncate("gave up after " + i.attempts + " attempts: " + retry.detail());
                    i.nextAttemptAt = null;
                } else {
                    i.status = Issuance.Status.PENDING;
                    i.nextAttemptAt = retry.at();
                }
                Log.infof("ACME issuance %s: %s (attempt %d)", i.id, retry.detail(), i.attempts);
                return Uni.createFrom().voidItem();
            }
            AcmeClient.Outcome.Failed failed = (AcmeClient.Outcome.Failed) outcome;
            i.status = Issuance.Status.FAILED;
            i.problemType = failed.problemType();
            i.problemDetail = truncate(failed.detail());
            i.nextAttemptAt = null;
            Log.warnf("ACME issuance %s failed: %s", i.id, failed.detail());
            return Uni.createFrom().voidItem();
        });
    }

    /** What the CA returned passes the same checks as a manual upload before it is stored. */
    private Uni<Issuance> accept(Issuance i, ManagedKey key, AcmeClient.Outcome.Issued issued) {
        try {
            CertificateCheck.Accepted accepted = CertificateCheck.check(Certificates.pem(issued.chain()).getBytes(),
                    KeyPairs.publicKey(key.algorithm, key.publicKey), List.of(key.csrNames.split("\n")), new Date(), Set.of());
            return issuances.accept(i, key, accepted.leaf(), accepted.chain(), "acme");
        } catch (CertificateCheck.Rejected r) {
            i.status = Issuance.Status.FAILED;
            i.problemType = IssuanceService.problemFor(r.reason()).uri().toString();
            i.problemDetail = truncate("the CA's certificate was refused: " + r.getMessage());
            i.nextAttemptAt = null;
            return Uni.createFrom().item(i);
        }
    }

    /**
     * What the ACME CA advises about renewing certificate {@code certificateId} (RFC 9773): its suggested window, or
     * that it offers none. 409 for a certificate that was not issued through ACME.
     */
    public Uni<RenewalInfoView> renewalInfo(UUID certificateId) {
        if (config.directoryUrl().isEmpty()) {
            return Uni.createFrom().failure(new DomainException(ProblemType.ISSUER_UNAVAILABLE,
                    "No ACME CA is configured here (certdesk.issuance.acme.directory-url)"));
        }
        URI directory = config.directoryUrl().orElseThrow();
        return advisable(certificateId, directory)
                .flatMap(ask -> Offload.cpu(() -> client.renewalInfo(directory, ask.account().pair(), ask.account().url(),
                        ask.leaf())).map(advice -> RenewalInfoView.of(certificateId, advice)));
    }

    private record Advisable(AccountKey account, java.security.cert.X509Certificate leaf) {
    }

    @WithSession
    Uni<Advisable> advisable(UUID certificateId, URI directory) {
        return certificates.require(certificateId, null).flatMap(c -> issuances.require(c.issuanceId).flatMap(i -> {
            if (i.issuer != Issuance.Issuer.ACME) {
                return Uni.createFrom().failure(DomainException.conflict("Certificate " + certificateId + " was issued by "
                        + "the " + i.issuer + " issuer; renewal information comes from an ACME CA"));
            }
            return store.account(directory.toString()).flatMap(a -> {
                if (a == null || a.accountUrl == null) {
                    return Uni.createFrom().failure(DomainException.conflict("No ACME account exists for " + directory
                            + " (the certificate came from another ACME CA)"));
                }
                return account(directory).map(account -> new Advisable(account,
                        Certificates.parse(c.certificatePem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).get(0)));
            });
        }));
    }

    Duration backoff(int attempt) {
        Duration d = config.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private static byte[] der(ManagedKey key) {
        try {
            return Csrs.read(key.csrPem).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(Supplier<Uni<Void>> work) {
        try {
            VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException("the http-01 answer could not be stored", e);
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
