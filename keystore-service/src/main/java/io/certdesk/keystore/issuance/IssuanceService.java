package io.certdesk.keystore.issuance;

import io.certdesk.keystore.certificate.CertificateService;
import io.certdesk.keystore.key.KeyService;
import io.certdesk.keystore.key.KeyView;
import io.certdesk.keystore.key.ManagedKey;
import io.certdesk.keystore.pki.CertificateCheck;
import io.certdesk.keystore.pki.Certificates;
import io.certdesk.keystore.platform.DomainNames;
import io.certdesk.keystore.pki.KeyPairs;
import io.certdesk.keystore.platform.DomainException;
import io.certdesk.keystore.platform.Page;
import io.certdesk.keystore.platform.PageRequest;
import io.certdesk.keystore.platform.ProblemType;
import io.certdesk.keystore.platform.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Issuance requests: MANUAL uploads, the LOCAL development CA, and (see AcmeIssuer) ACME. */
@ApplicationScoped
public class IssuanceService {

    private final IssuanceRepository issuances;
    private final KeyService keys;
    private final CertificateService certificates;
    private final LocalCa localCa;
    private final IssuanceConfig config;
    private final Set<TrustAnchor> anchors;

    public IssuanceService(IssuanceRepository issuances, KeyService keys, CertificateService certificates,
            LocalCa localCa, IssuanceConfig config) {
        this.issuances = issuances;
        this.keys = keys;
        this.certificates = certificates;
        this.localCa = localCa;
        this.config = config;
        this.anchors = config.trustStore().map(IssuanceService::loadAnchors).orElseGet(IssuanceService::defaultAnchors);
    }

    @WithTransaction
    public Uni<IssuanceView> create(IssuanceRequest request, String by) {
        if (request.issuer() == Issuance.Issuer.LOCAL && !config.local().enabled()) {
            return Uni.createFrom().failure(new DomainException(ProblemType.ISSUER_UNAVAILABLE,
                    "The LOCAL development CA is disabled here (certdesk.issuance.local.enabled); use MANUAL or ACME"));
        }
        if (request.issuer() == Issuance.Issuer.ACME && config.acme().directoryUrl().isEmpty()) {
            return Uni.createFrom().failure(new DomainException(ProblemType.ISSUER_UNAVAILABLE,
                    "No ACME CA is configured here (certdesk.issuance.acme.directory-url); use MANUAL"));
        }
        String masterDomain;
        try {
            masterDomain = DomainNames.canonical(request.masterDomain(), false).orThrow();
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(DomainException.invalid("masterDomain", e.getMessage()));
        }
        return keys.requireUsable(request.keyId().uuid(), null)
                .onFailure(e -> e instanceof DomainException d && d.type() == ProblemType.NOT_FOUND)
                .transform(e -> DomainException.unknownReference("keyId", "key",
                        request.keyId()))
                .flatMap(key -> {
            if (key.csrPem == null) {
                return Uni.createFrom().failure(DomainException.conflict(
                        "Key " + key.id + " has no CSR yet; create one (POST /keys/{id}/csr) before applying"));
            }
            Issuance i = new Issuance();
            i.id = UUID.randomUUID();
            i.keyId = key.id;
            i.issuer = request.issuer();
            i.status = Issuance.Status.PENDING;
            i.serverId = request.serverId().value();
            i.masterDomain = masterDomain;
            i.createdAt = Times.now();
            i.updatedAt = i.createdAt;
            i.createdBy = by;
            i.nextAttemptAt = i.issuer == Issuance.Issuer.ACME ? i.createdAt : null;
            Uni<Issuance> stored = issuances.persist(i);
            if (i.issuer == Issuance.Issuer.LOCAL) {
                stored = stored.flatMap(saved -> localCa.sign(key.csrPem, List.of(key.csrNames.split("\n")))
                        .flatMap(signed -> accept(saved, key, signed.get(0), signed.subList(1, signed.size()), by)));
            }
            return stored.map(IssuanceView::of);
        });
    }

    /**
     * MANUAL: checks what the CA sent (PEM or DER, chain in any order) and stores it. Each failed
     * check is its own 422 and nothing is stored; the issuance stays PENDING for another upload.
     */
    @WithTransaction
    public Uni<IssuanceView> upload(UUID id, byte[] body, String by) {
        return require(id).flatMap(i -> {
            if (i.issuer != Issuance.Issuer.MANUAL) {
                return Uni.createFrom().failure(DomainException.conflict("Issuance " + id + " uses the " + i.issuer
                        + " issuer; only MANUAL issuances take an uploaded certificate"));
            }
            if (i.status != Issuance.Status.PENDING) {
                return Uni.createFrom().failure(DomainException.conflict("Issuance " + id + " is " + i.status
                        + (i.certificateId != null ? " with certificate " + i.certificateId : "")
                        + "; only a PENDING issuance takes an upload"));
            }
            return keys.require(i.keyId, null).flatMap(key -> {
                CertificateCheck.Accepted accepted;
                try {
                    accepted = CertificateCheck.check(body, KeyPairs.publicKey(key.algorithm, key.publicKey),
                            List.of(key.csrNames.split("\n")), Date.from(Times.now()), anchors);
                } catch (CertificateCheck.Rejected r) {
                    return Uni.createFrom().failure(new DomainException(problemFor(r.reason()), r.getMessage()));
                }
                return accept(i, key, accepted.leaf(), accepted.chain(), by).map(IssuanceView::of);
            });
        });
    }

    /**
     * Abandons a key whose order ended before it got a certificate; its open issuances end FAILED. A key with a
     * certificate is the customer's and is refused (409). Abandoning again answers the key unchanged.
     */
    @WithTransaction
    public Uni<KeyView> abandonKey(UUID keyId, String reason, String by) {
        return certificates.latestForKey(keyId).flatMap(certificate -> {
            if (certificate != null) {
                return Uni.createFrom().failure(DomainException.conflict("Key " + keyId + " has certificate "
                        + certificate.id + "; it belongs to the customer and is not abandoned"));
            }
            return keys.abandon(keyId, reason, by).flatMap(abandoned -> abandoned
                    ? issuances.failOpen(keyId, "The key was abandoned: " + reason) : Uni.createFrom().item(0));
        }).flatMap(n -> keys.get(keyId, null));
    }

    @WithSession
    public Uni<Page<IssuanceView>> list(IssuanceRepository.Filter filter, PageRequest paging) {
        var query = issuances.filtered(filter, paging.sort(Map.of("createdAt", "i.createdAt", "updatedAt", "i.updatedAt",
                "status", "i.status", "id", "i.id"), "-createdAt", "i.id"));
        return query.page(paging.page, paging.size).list().flatMap(items -> query.count()
                .map(total -> paging.page(items.stream().map(IssuanceView::of).toList(), total)));
    }

    @WithSession
    public Uni<IssuanceView> get(UUID id) {
        return require(id).map(IssuanceView::of);
    }

    /** Stores the certificate and marks the issuance ISSUED; caller's transaction. */
    Uni<Issuance> accept(Issuance i, ManagedKey key, X509Certificate leaf, List<X509Certificate> chain, String by) {
        return certificates.store(key, i.id, leaf, chain, i.serverId, i.masterDomain, by).map(c -> {
            i.status = Issuance.Status.ISSUED;
            i.certificateId = c.id;
            i.problemType = null;
            i.problemDetail = null;
            i.updatedAt = Times.now();
            return i;
        });
    }

    Uni<Issuance> require(UUID id) {
        return issuances.findById(id).onItem().ifNull().failWith(() -> DomainException.notFound("Issuance", id));
    }

    static ProblemType problemFor(CertificateCheck.Reason reason) {
        return switch (reason) {
            case UNPARSEABLE -> ProblemType.CERTIFICATE_UNPARSEABLE;
            case KEY_MISMATCH -> ProblemType.CERTIFICATE_KEY_MISMATCH;
            case NOT_FOR_SERVERS -> ProblemType.CERTIFICATE_NOT_FOR_SERVERS;
            case NAMES_NOT_COVERED -> ProblemType.CERTIFICATE_NAMES_NOT_COVERED;
            case NOT_VALID_NOW -> ProblemType.CERTIFICATE_NOT_VALID_NOW;
            case CHAIN_BROKEN -> ProblemType.CERTIFICATE_CHAIN_BROKEN;
            case UNTRUSTED -> ProblemType.CERTIFICATE_UNTRUSTED;
        };
    }

    /**
     * Without a configured trust store, production trusts the JVM's root certificates (what browsers' public CAs
     * chain to), so an upload is never accepted on its own say-so; dev and test, whose CAs are made up, check the
     * chain's links only.
     */
    private static Set<TrustAnchor> defaultAnchors() {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return Set.of();
        }
        try {
            javax.net.ssl.TrustManagerFactory factory = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            factory.init((java.security.KeyStore) null);
            return java.util.Arrays.stream(factory.getTrustManagers())
                    .filter(javax.net.ssl.X509TrustManager.class::isInstance)
                    .flatMap(m -> java.util.Arrays.stream(((javax.net.ssl.X509TrustManager) m).getAcceptedIssuers()))
                    .map(c -> new TrustAnchor(c, null)).collect(Collectors.toUnmodifiableSet());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("The JVM's trusted roots cannot be read; set CERTDESK_ISSUANCE_TRUST_STORE", e);
        }
    }

    private static Set<TrustAnchor> loadAnchors(java.nio.file.Path pem) {
        try {
            return Certificates.parse(Files.readAllBytes(pem)).stream()
                    .map(c -> new TrustAnchor(c, null)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("The trust store " + pem + " cannot be read", e);
        }
    }
}
