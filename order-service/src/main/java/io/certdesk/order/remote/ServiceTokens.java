package io.certdesk.order.remote;

import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * order-service's own bearer tokens for the services it calls: subject order-service, role service, one audience
 * per callee, signed with order-service's key. A token is reused until a third of its life is left.
 */
// looked up by the REST client filters, which the client instantiates itself
@Unremovable
@ApplicationScoped
public class ServiceTokens {

    public static final String SUBJECT = "order-service";
    public static final String ROLE = "service";

    private record Issued(String token, Instant renewAfter) {
    }

    private final ServiceTokenConfig config;
    private final Map<String, Issued> byAudience = new ConcurrentHashMap<>();
    private volatile PrivateKey key;

    public ServiceTokens(ServiceTokenConfig config) {
        this.config = config;
    }

    /** A missing or unreadable key stops the start, naming the setting, rather than the first call later. */
    void checkKeyAtStart(@Observes StartupEvent start) {
        key();
    }

    /** A valid token for calls to {@code audience} (the callee's service name). */
    public String forAudience(String audience) {
        Instant now = Instant.now();
        Issued issued = byAudience.get(audience);
        if (issued == null || now.isAfter(issued.renewAfter())) {
            Duration life = config.lifetime();
            String token = Jwt.issuer(config.issuer()).subject(SUBJECT).upn(SUBJECT).groups(ROLE).audience(audience)
                    .issuedAt(now).expiresAt(now.plus(life)).jws().keyId(config.keyId()).sign(key());
            issued = new Issued(token, now.plus(life.multipliedBy(2).dividedBy(3)));
            byAudience.put(audience, issued);
        }
        return issued.token();
    }

    private PrivateKey key() {
        if (key == null) {
            String location = config.keyLocation();
            try {
                key = KeyUtils.decodePrivateKey(read(location));
            } catch (Exception e) {
                throw new IllegalStateException("The service token key " + location + " cannot be read (" + e.getMessage()
                        + "); set CERTDESK_SERVICE_TOKEN_KEY_LOCATION to order-service's private key (PKCS#8 PEM file)", e);
            }
        }
        return key;
    }

    /** A file path, or a resource on the class path (as the tests use). */
    private static String read(String location) throws IOException {
        Path file = Path.of(location);
        if (Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII);
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IOException("no such file or class path resource");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
