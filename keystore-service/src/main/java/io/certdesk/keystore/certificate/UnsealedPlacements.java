package io.certdesk.keystore.certificate;

import io.certdesk.keystore.vault.VaultConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Placements written before they were sealed (V9) have no MAC and release nothing. With
 * {@code certdesk.vault.adopt-unbound-keys} on, they are sealed at start as the database records them then, the same
 * one-time trust the rewrap job gives unbound keys; the log names how many.
 */
@ApplicationScoped
public class UnsealedPlacements {

    private final CertificateRepository certificates;
    private final CertificateService service;
    private final boolean adopt;

    public UnsealedPlacements(CertificateRepository certificates, CertificateService service, VaultConfig config) {
        this.certificates = certificates;
        this.service = service;
        this.adopt = config.adoptUnboundKeys();
    }

    void atStart(@Observes StartupEvent start) throws Throwable {
        if (adopt) {
            int sealed = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::sealAll));
            if (sealed > 0) {
                Log.warnf("%d placement(s) without a seal were sealed as the database records them now", sealed);
            }
        }
    }

    public Uni<Integer> sealAll() {
        return certificates.unsealedPlacements().flatMap(rows -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (CertificateServer p : rows) {
                chain = chain.flatMap(n -> certificates.findById(p.certificateId).map(c -> {
                    service.seal(c, p);
                    return n + 1;
                }));
            }
            return chain;
        });
    }
}
