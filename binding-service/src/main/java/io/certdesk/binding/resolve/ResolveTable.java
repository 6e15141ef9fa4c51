package io.certdesk.binding.resolve;

import io.certdesk.binding.binding.Binding;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What {@code /resolve} knows about each IP:port, held in memory so that a router or an SNI proxy asking per
 * connection costs no database round trip. It is forgotten whole:
 * <ul>
 * <li>on this replica, by {@link ResolveInvalidation} before the answer to any request that changed data is sent, so a
 * caller that changed a binding and then resolves never sees the old answer;</li>
 * <li>on every replica, when PostgreSQL notifies {@code certdesk_bindings} (V6: after each committed change of a
 * binding or a server, whoever made it).</li>
 * </ul>
 * While the notification channel is not listened to (at start-up, after the connection dropped) nothing is kept: every
 * answer comes from the database until listening resumes. An endpoint loaded while a change was committed is not kept
 * either (the generation moved meanwhile). At most {@link #MAX_ENDPOINTS} endpoints are held.
 */
@ApplicationScoped
public class ResolveTable {

    static final int MAX_ENDPOINTS = 100_000;
    static final String CHANNEL = "certdesk_bindings";

    /** The bindings at one IP:port (default first) and the servers they belong to, as loaded. */
    record Endpoint(List<Binding> bound, Map<Long, ResolveService.ServerInfo> servers) {
    }

    /**
     * How long an entry is answered from memory at most: a LISTEN connection that died without a close being noticed
     * (a half-open TCP connection) would otherwise leave changes committed elsewhere unseen for as long as it lasts.
     */
    static final long MAX_AGE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    private record Held(Endpoint endpoint, long heldAt) {
    }

    private final ConcurrentHashMap<String, Held> endpoints = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean stopped;
    private PgSubscriber subscriber;

    private final Vertx vertx;
    private final Optional<String> url;
    private final Optional<String> user;
    private final Optional<String> password;
    private final boolean enabled;
    private final DatasourceTls tls;

    /** The datasource's TLS settings, which the listening connection must share (verify-full needs all three). */
    record DatasourceTls(Optional<String> sslMode, Optional<String> hostnameVerification, boolean trustAll, boolean trustPem,
            Optional<List<String>> pemCerts) {
    }

    ResolveTable(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "certdesk.resolve.cache", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "quarkus.datasource.reactive.postgresql.ssl-mode") Optional<String> sslMode,
            @ConfigProperty(name = "quarkus.datasource.reactive.hostname-verification-algorithm") Optional<String> hostnameVerification,
            @ConfigProperty(name = "quarkus.datasource.reactive.trust-all", defaultValue = "false") boolean trustAll,
            @ConfigProperty(name = "quarkus.datasource.reactive.trust-certificate-pem", defaultValue = "false") boolean trustPem,
            @ConfigProperty(name = "quarkus.datasource.reactive.trust-certificate-pem.certs") Optional<List<String>> pemCerts) {
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password;
        this.enabled = enabled;
        this.tls = new DatasourceTls(sslMode, hostnameVerification, trustAll, trustPem, pemCerts);
    }

    void start(@Observes StartupEvent started) {
        if (!enabled || url.isEmpty()) {
            Log.info("/resolve answers from the database on every call (certdesk.resolve.cache=false or no reactive URL)");
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.get().startsWith("vertx-reactive:")
                ? url.get().substring("vertx-reactive:".length()) : url.get());
        // keepalive probes notice, eventually (after the kernel's idle time), a connection the network dropped without
        // closing it; until then the 30 s age of every entry bounds how stale an answer can be
        options.setTcpKeepAlive(true);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        // the URL's sslmode, unless the datasource names one of its own (as the datasource does)
        tls.sslMode().map(m -> SslMode.of(m.toLowerCase(java.util.Locale.ROOT).replace('_', '-'))).ifPresent(options::setSslMode);
        tls.hostnameVerification().filter(a -> !a.equalsIgnoreCase("NONE")).ifPresent(options::setHostnameVerificationAlgorithm);
        options.setTrustAll(tls.trustAll());
        if (tls.trustPem()) {
            PemTrustOptions pem = new PemTrustOptions();
            tls.pemCerts().orElse(List.of()).forEach(pem::addCertPath);
            options.setPemTrustOptions(pem);
        }
        subscriber = PgSubscriber.subscriber(vertx.getDelegate(), options)
                .reconnectPolicy(retries -> 1_000L); // try again every second, for as long as it takes
        subscriber.channel(CHANNEL)
                .subscribeHandler(v -> {
                    // listening (again): whatever changed while nobody listened is forgotten first
                    forget();
                    listening = true;
                    Log.infof("/resolve listens to %s", CHANNEL);
                })
                .handler(table -> forget())
                .endHandler(v -> {
                    listening = false;
                    forget();
                });
        subscriber.closeHandler(v -> {
            listening = false;
            forget();
        });
        connect();
    }

    /** The reconnect policy covers a connection that dropped; a first connection that fails is tried again here. */
    private void connect() {
        subscriber.connect().onFailure(e -> {
            Log.warnf("/resolve cannot listen to %s yet (%s); it answers from the database until it can", CHANNEL,
                    e.getMessage());
            if (!stopped) {
                vertx.getDelegate().setTimer(1_000, t -> {
                    if (!stopped) {
                        connect();
                    }
                });
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /** The generation to hand to {@link #keep} with what is loaded now. */
    long generation() {
        return generation.get();
    }

    /** What is held for {@code ip}:{@code port}, or null. */
    Endpoint get(String ip, int port) {
        Held held = listening ? endpoints.get(key(ip, port)) : null;
        return held == null || System.nanoTime() - held.heldAt() > MAX_AGE_NANOS ? null : held.endpoint();
    }

    /** Holds what was loaded under {@code loadedAt}, unless something changed meanwhile. */
    void keep(String ip, int port, Endpoint endpoint, long loadedAt) {
        if (!listening) {
            return;
        }
        if (endpoints.size() >= MAX_ENDPOINTS) {
            endpoints.clear();
        }
        endpoints.put(key(ip, port), new Held(endpoint, System.nanoTime()));
        if (generation.get() != loadedAt) {
            endpoints.remove(key(ip, port)); // a change was committed while it was loaded
        }
    }

    /** Forgets everything held. */
    public void forget() {
        generation.incrementAndGet();
        endpoints.clear();
    }

    /** Whether answers may come from memory now (tests, health). */
    boolean listening() {
        return listening;
    }

    private static String key(String ip, int port) {
        return ip + "|" + port;
    }
}
