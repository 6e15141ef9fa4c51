package io.certdesk.order.peers;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

/**
 * keystore-service and binding-service as real processes (their built quarkus-run.jar, production profile) beside
 * the order-service under test, each on its own database of one embedded PostgreSQL, trusting the test issuer's key
 * and order-service's own key (a JWKS with both). order-service's clients reach them through a {@link FaultProxy} each.
 * One pair per test JVM; {@link Peer} stops, kills and restarts them and switches the proxies for the fault tests.
 */
public class PeerServices implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;
    private FaultProxy keystoreProxy;
    private FaultProxy bindingProxy;

    @Override
    public Map<String, String> start() {
        try {
            Path root = Files.createDirectories(Peer.ROOT);
            Files.createDirectories(Peer.TLS_ROOT);
            postgres = EmbeddedPostgres.builder().start();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("create database certdesk_keystore");
                st.execute("create database certdesk_binding");
            }
            System.setProperty(Peer.PG_PORT, Integer.toString(postgres.getPort()));
            Jwks.write(root.resolve("jwks.json"));
            Peer.KEYSTORE.start();
            Peer.BINDING.start();
            Peer.KEYSTORE.awaitReady();
            Peer.BINDING.awaitReady();
            keystoreProxy = new FaultProxy(Peer.KEYSTORE);
            bindingProxy = new FaultProxy(Peer.BINDING);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("The peer services did not start: " + e.getMessage(), e);
        }
        // order-service calls the peers through proxies the fault tests switch; the delivery links name the peer
        return Map.of(
                "quarkus.rest-client.keystore.url", keystoreProxy.url(),
                "quarkus.rest-client.binding.url", bindingProxy.url(),
                "certdesk.orchestration.keystore-public-url", Peer.KEYSTORE.url());
    }

    @Override
    public void stop() {
        if (keystoreProxy != null) {
            keystoreProxy.stop();
        }
        if (bindingProxy != null) {
            bindingProxy.stop();
        }
        Peer.KEYSTORE.stop();
        Peer.BINDING.stop();
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
