package io.certdesk.order.remote;

import io.certdesk.order.remote.keystore.api.CertificatesApi;
import io.certdesk.order.remote.keystore.api.IssuancesApi;
import io.certdesk.order.remote.keystore.api.KeysApi;
import io.certdesk.order.remote.keystore.model.AbandonKeyRequest;
import io.certdesk.order.remote.keystore.model.Certificate;
import io.certdesk.order.remote.keystore.model.CsrRequest;
import io.certdesk.order.remote.keystore.model.Issuance;
import io.certdesk.order.remote.keystore.model.IssuancePage;
import io.certdesk.order.remote.keystore.model.IssuanceRequest;
import io.certdesk.order.remote.keystore.model.Key;
import io.certdesk.order.remote.keystore.model.KeyPage;
import io.certdesk.order.remote.keystore.model.KeyRequest;
import io.certdesk.order.remote.keystore.model.KeyStatus;
import io.certdesk.order.remote.keystore.model.MigrationRequest;
import io.certdesk.order.remote.keystore.model.RenewalInfo;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * keystore-service as order-service uses it, through the client generated from keystore's committed contract.
 * Every call passes {@link RemoteCalls} (timeout, retries that skip refusals, a circuit breaker); every failure, the
 * fault tolerance's own included, arrives as a {@link RemoteProblem}. Creating calls carry an Idempotency-Key, so a retry
 * can never make a second key, CSR or issuance.
 */
@ApplicationScoped
public class KeystoreClient {

    public static final String SERVICE = "keystore-service";

    private final KeysApi keys;
    private final IssuancesApi issuances;
    private final CertificatesApi certificates;
    private final RemoteCalls calls;

    public KeystoreClient(@RestClient KeysApi keys, @RestClient IssuancesApi issuances,
            @RestClient CertificatesApi certificates, RemoteCalls calls) {
        this.keys = keys;
        this.issuances = issuances;
        this.certificates = certificates;
        this.calls = calls;
    }

    public Uni<Key> generateKey(KeyRequest request, String idempotencyKey) {
        return mapped(calls.keystoreSlow(() -> keys.generateKey(request, idempotencyKey)));
    }

    public Uni<Key> createCsr(String keyId, CsrRequest request, String idempotencyKey) {
        return mapped(calls.keystoreSlow(() -> keys.createCsr(keyId, request, idempotencyKey, null)));
    }

    public Uni<KeyPage> keysOfOrder(String orderId, KeyStatus status) {
        return mapped(calls.keystore(() -> keys.listKeys(null, orderId, 0, null, 200, null, status)));
    }

    public Uni<Key> abandonKey(String keyId, String reason, String idempotencyKey) {
        return mapped(calls.keystore(() -> keys.abandonKey(keyId, new AbandonKeyRequest().reason(reason), idempotencyKey)));
    }

    public Uni<Issuance> requestIssuance(IssuanceRequest request, String idempotencyKey) {
        return mapped(calls.keystoreSlow(() -> issuances.requestIssuance(request, idempotencyKey)));
    }

    public Uni<IssuancePage> issuancesOfKey(String keyId) {
        return mapped(calls.keystore(() -> issuances.listIssuances(null, keyId, null, 0, null, 200, null, null)));
    }

    public Uni<Issuance> getIssuance(String issuanceId) {
        return mapped(calls.keystore(() -> issuances.getIssuance(issuanceId)));
    }

    public Uni<Certificate> getCertificate(String certificateId) {
        return mapped(calls.keystore(() -> certificates.getCertificate(certificateId)));
    }

    /** Lets the certificate be deployed to a server whose customer and master domain binding-service gave. */
    public Uni<Certificate> migrate(String certificateId, MigrationRequest request, String idempotencyKey) {
        return mapped(calls.keystore(() -> certificates.migrateCertificate(certificateId, request, idempotencyKey)));
    }

    /** The ACME CA's advice on when to renew the certificate (RFC 9773); 409 for a certificate another issuer signed. */
    public Uni<RenewalInfo> renewalInfo(String certificateId) {
        return mapped(calls.keystoreSlow(() -> certificates.getRenewalInfo(certificateId)));
    }

    /** Takes a server's deploy access to the certificate away. */
    public Uni<Void> retirePlacement(String certificateId, String serverId) {
        return mapped(calls.keystore(() -> certificates.deleteCertificatePlacement(certificateId, serverId, null)))
                .replaceWithVoid();
    }

    private static <T> Uni<T> mapped(Uni<T> call) {
        return call.onFailure().transform(e -> RemoteProblem.of(SERVICE, e));
    }
}
