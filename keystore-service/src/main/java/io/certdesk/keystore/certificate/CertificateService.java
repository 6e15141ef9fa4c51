package io.certdesk.keystore.certificate;

import io.certdesk.keystore.audit.AuditLog;
import io.certdesk.keystore.crypto.IntegrityException;
import io.certdesk.keystore.key.ManagedKey;
import io.certdesk.keystore.pki.Certificates;
import io.certdesk.keystore.platform.DomainNames;
import io.certdesk.keystore.platform.DomainException;
import io.certdesk.keystore.platform.ETags;
import io.certdesk.keystore.platform.Page;
import io.certdesk.keystore.platform.PageRequest;
import io.certdesk.keystore.platform.ProblemType;
import io.certdesk.keystore.platform.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Issued certificates: storing accepted ones, finding them, and moving them between servers. */
@ApplicationScoped
public class CertificateService {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static final Map<String, String> SORTS = Map.of("expiresAt", "c.notAfter", "validFromAt", "c.notBefore",
            "createdAt", "c.createdAt", "id", "c.id");

    private final CertificateRepository certificates;

    private final ETags etags;
    private final AuditLog seals;

    public CertificateService(CertificateRepository certificates, ETags etags, AuditLog seals) {
        this.etags = etags;
        this.seals = seals;
        this.certificates = certificates;
    }

    /** Stores an accepted certificate for {@code key}, deployable to the server it was issued for; caller's transaction. */
    public Uni<Certificate> store(ManagedKey key, UUID issuanceId, X509Certificate leaf, List<X509Certificate> chain,
            String serverId, String masterDomain, String by) {
        Certificate c = new Certificate();
        c.id = UUID.randomUUID();
        c.keyId = key.id;
        c.issuanceId = issuanceId;
        c.customerId = key.customerId;
        c.orderId = key.orderId;
        c.serial = Certificates.serialHex(leaf);
        c.issuerDn = leaf.getIssuerX500Principal().getName();
        c.subjectDn = leaf.getSubjectX500Principal().getName();
        List<String> names = Certificates.dnsNames(leaf);
        c.dnsNames = String.join("\n", names);
        c.notBefore = leaf.getNotBefore().toInstant();
        c.notAfter = leaf.getNotAfter().toInstant();
        c.sha256 = Certificates.fingerprint(leaf);
        c.certificatePem = Certificates.pem(List.of(leaf));
        c.chainPem = Certificates.pem(chain);
        c.masterDomain = masterDomain;
        c.createdAt = Times.now();
        List<CertificateName> rows = names.stream().distinct().map(n -> {
            CertificateName row = new CertificateName();
            row.certificateId = c.id;
            row.name = n;
            return row;
        }).toList();
        return certificates.persist(c)
                .chain(() -> certificates.persistNames(rows))
                .chain(() -> certificates.persistPlacement(placement(c, serverId, masterDomain, by)))
                .replaceWith(c);
    }

    @WithSession
    public Uni<Page<CertificateView>> list(CertificateRepository.Filter filter, PageRequest paging) {
        CertificateRepository.Filter f = filter.domain() == null ? filter : new CertificateRepository.Filter(
                filter.customerId(), filter.orderId(), filter.serverId(), filter.keyId(),
                canonical("domain", filter.domain(), true), filter.expiresFrom(), filter.expiresTo());
        var query = certificates.search(f, paging.sort(SORTS, "expiresAt", "c.id"));
        return query.page(paging.page, paging.size).list().flatMap(items -> query.count().flatMap(total ->
                certificates.serversOf(items.stream().map(c -> c.id).toList()).map(placements -> paging.page(
                        items.stream().map(c -> CertificateView.of(c, placements)).toList(), total))));
    }

    @WithSession
    public Uni<CertificateView> get(UUID id, String customerScope) {
        return require(id, customerScope).flatMap(this::view);
    }

    /**
     * Makes a certificate deployable to another server. Allowed only while it is valid and only to a
     * server whose master domain is the one it was issued for; otherwise a new application is needed.
     */
    @WithTransaction
    public Uni<CertificateView> migrate(UUID id, String targetServerId, String targetMasterDomain,
            String targetCustomerId, String by) {
        String target = canonical("targetMasterDomain", targetMasterDomain, false);
        return require(id, null).flatMap(c -> {
            Instant now = Times.now();
            if (!c.customerId.equals(targetCustomerId)) {
                return Uni.createFrom().failure(new DomainException(ProblemType.MIGRATION_REFUSED,
                        "Server " + targetServerId + " belongs to another customer than the certificate; a certificate "
                                + "only moves between servers of its own customer."));
            }
            if (!c.validAt(now)) {
                return Uni.createFrom().failure(new DomainException(ProblemType.MIGRATION_REFUSED,
                        "The certificate is not valid now (valid " + tokyo(c.notBefore) + " to " + tokyo(c.notAfter)
                                + "); an expired certificate cannot move. Apply for a new certificate for the new server."));
            }
            if (!target.equals(c.masterDomain)) {
                return Uni.createFrom().failure(new DomainException(ProblemType.MIGRATION_REFUSED,
                        "The certificate was issued for a server whose master domain is " + c.masterDomain
                                + ", but server " + targetServerId + " has master domain " + target
                                + ". A certificate can only move to a server with the same master domain; "
                                + "apply for a new certificate for that server."));
            }
            return certificates.placement(c.id, targetServerId.strip()).flatMap(existing -> existing != null
                    ? Uni.createFrom().item(c)
                    : certificates.persistPlacement(placement(c, targetServerId.strip(), target, by)).replaceWith(c));
        }).flatMap(this::view);
    }

    /** Takes {@code serverId}'s deploy access away; the certificate keeps at least one server. */
    @WithTransaction
    public Uni<Void> retirePlacement(UUID id, String serverId, String ifMatch) {
        return require(id, null).flatMap(c -> certificates.serversOf(List.of(c.id)).flatMap(placements -> {
            etags.check(ifMatch, CertificateView.of(c, placements), false);
            CertificateServer gone = placements.stream().filter(p -> p.serverId.equals(serverId)).findFirst().orElse(null);
            if (gone == null) {
                return Uni.createFrom().voidItem();
            }
            if (placements.size() == 1) {
                return Uni.createFrom().failure(DomainException.conflict("Server " + serverId + " is the only server of "
                        + "certificate " + id + "; move the certificate to its new server before taking the old one away"));
            }
            return certificates.deletePlacement(gone);
        }));
    }

    /** The newest valid certificate deployable to {@code serverId} that covers {@code domain}; caller's session. */
    public Uni<Certificate> deployable(String serverId, String domain) {
        return certificates.deployableTo(serverId, Times.now()).map(candidates -> candidates.stream()
                .filter(c -> List.of(c.dnsNames.split("\n")).stream().anyMatch(p -> Certificates.covers(p, domain)))
                .findFirst().orElseThrow(() -> DomainException.notFound("Deployable certificate for " + domain + " on server",
                        serverId)))
                .call(c -> certificates.placement(c.id, serverId).invoke(p -> {
                    if (p == null || !sealed(c, p)) {
                        throw new IntegrityException("the placement of certificate " + c.id + " on server " + serverId
                                + " fails its integrity check; it was not written by this service", null);
                    }
                }));
    }

    /** Whether {@code p} was written by this service for {@code c} as it is now (its owner and master domain). */
    boolean sealed(Certificate c, CertificateServer p) {
        return seals.sealed(p.mac, PLACEMENT, p.certificateId.toString(), p.serverId, p.masterDomain, c.customerId);
    }

    /** Seals {@code p} for {@code c} as they are now. */
    void seal(Certificate c, CertificateServer p) {
        p.mac = seals.seal(PLACEMENT, p.certificateId.toString(), p.serverId, p.masterDomain, c.customerId);
    }

    private static final String PLACEMENT = "certificate-server";

    /** The key's newest certificate or null; caller's session. */
    public Uni<Certificate> latestForKey(UUID keyId) {
        return certificates.latestForKey(keyId);
    }

    public Uni<Certificate> require(UUID id, String customerScope) {
        return certificates.findById(id).flatMap(c -> {
            if (c == null) {
                return Uni.createFrom().failure(DomainException.notFound("Certificate", id));
            }
            if (customerScope != null && !customerScope.equals(c.customerId)) {
                return Uni.createFrom().failure(DomainException.hidden("Certificate", id));
            }
            return Uni.createFrom().item(c);
        });
    }

    private Uni<CertificateView> view(Certificate c) {
        return certificates.serversOf(List.of(c.id)).map(placements -> CertificateView.of(c, placements));
    }

    private CertificateServer placement(Certificate c, String serverId, String masterDomain, String by) {
        CertificateServer p = new CertificateServer();
        p.certificateId = c.id;
        p.serverId = serverId;
        p.masterDomain = masterDomain;
        p.addedAt = Times.now();
        p.addedBy = by;
        seal(c, p);
        return p;
    }

    static String canonical(String field, String name, boolean wildcardAllowed) {
        try {
            return DomainNames.canonical(name, wildcardAllowed).orThrow();
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, e.getMessage());
        }
    }

    private static String tokyo(Instant t) {
        return t.atZone(TOKYO).toLocalDate() + " (Asia/Tokyo)";
    }
}
