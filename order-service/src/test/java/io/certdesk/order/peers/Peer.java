package io.certdesk.order.peers;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One peer service process. Quarkus loads test classes in more than one class loader, so everything about a running
 * peer (its port, its pid) lives in JVM-wide system properties, and any copy of this class can stop or restart it.
 */
public enum Peer {
    KEYSTORE("keystore-service", "certdesk_keystore"),
    BINDING("binding-service", "certdesk_binding");

    /** Everything the peers write: logs, vault and audit keys, the JWKS, the TLS root the deploy agent fills. */
    public static final Path ROOT = Path.of("target", "peers").toAbsolutePath();
    public static final Path TLS_ROOT = ROOT.resolve("tls");
    /** binding-service renders these ports; the end-to-end nginx listens on them on 127.0.0.2 (no privileges needed). */
    public static final int HTTPS_PORT = 39443;
    public static final int HTTP_PORT = 39080;
    public static final int ALT_FIRST = 39444;
    public static final int ALT_LAST = 39449;
    static final String PG_PORT = "certdesk.test.peers.pg-port";
    /** How long a held answer waits: longer than order-service's test timeouts for a call. */
    static final Duration SLOW_ANSWER = Duration.ofSeconds(6);

    /** What the proxy in front of the peer does to order-service's calls. */
    public enum Fault {
        NONE, FAIL, SLOW_WRITES
    }

    private final String service;
    private final String database;

    Peer(String service, String database) {
        this.service = service;
        this.database = database;
    }

    public String service() {
        return service;
    }

    public String url() {
        return "http://localhost:" + port();
    }

    /** The port, chosen once per JVM and kept across restarts so that order-service's client keeps reaching it. */
    public synchronized int port() {
        String key = "certdesk.test.peers." + name() + ".port";
        String port = System.getProperty(key);
        if (port == null) {
            try (ServerSocket s = new ServerSocket(0)) {
                port = Integer.toString(s.getLocalPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            System.setProperty(key, port);
        }
        return Integer.parseInt(port);
    }

    /** Switches the proxy between order-service and this peer (JVM-wide, so every class loader sees it). */
    public void fault(Fault fault) {
        System.setProperty("certdesk.test.peers." + name() + ".fault", fault.name());
    }

    public Fault fault() {
        return Fault.valueOf(System.getProperty("certdesk.test.peers." + name() + ".fault", Fault.NONE.name()));
    }

    /** Starts the process (it keeps its database and keys from an earlier start); see {@link #awaitReady()}. */
    public synchronized void start() {
        if (running().isPresent()) {
            return;
        }
        Path jar = Path.of("..", service, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the end-to-end tests run the built " + service
                    + "; build it first (./mvnw -pl " + service + " package -DskipTests, or the whole reactor)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString())
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(ROOT.resolve(service + ".log").toFile()));
        pb.environment().putAll(environment());
        try {
            Process p = pb.start();
            System.setProperty(pidKey(), Long.toString(p.pid()));
        } catch (IOException e) {
            throw new IllegalStateException(service + " did not start", e);
        }
    }

    /** What the process has logged so far. */
    public String log() {
        try {
            return Files.readString(ROOT.resolve(service + ".log"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void awaitReady() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        URI health = URI.create(url() + "/q/health/ready");
        while (Instant.now().isBefore(deadline)) {
            if (running().isEmpty()) {
                throw new IllegalStateException(service + " exited; see " + ROOT.resolve(service + ".log"));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) health.toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            sleep(200);
        }
        throw new IllegalStateException(service + " was not ready within 120 s; see " + ROOT.resolve(service + ".log"));
    }

    /** Stops the process the way an orchestrator does (SIGTERM) and waits for it to exit. */
    public synchronized void stop() {
        running().ifPresent(p -> {
            p.destroy();
            awaitExit(p);
        });
        System.clearProperty(pidKey());
    }

    /** Ends the process at once (SIGKILL), as a crash would. */
    public synchronized void kill() {
        running().ifPresent(p -> {
            p.destroyForcibly();
            awaitExit(p);
        });
        System.clearProperty(pidKey());
    }

    public void restart() {
        start();
        awaitReady();
    }

    private Optional<ProcessHandle> running() {
        String pid = System.getProperty(pidKey());
        return pid == null ? Optional.empty() : ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
    }

    private static void awaitExit(ProcessHandle p) {
        try {
            p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
        }
    }

    private String pidKey() {
        return "certdesk.test.peers." + name() + ".pid";
    }

    private Map<String, String> environment() {
        String hostPort = "localhost:" + System.getProperty(PG_PORT) + "/" + database;
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + hostPort);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + hostPort);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port()));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", ROOT.resolve("jwks.json").toString());
        env.put("CERTDESK_JWT_ISSUER", "https://certdesk.local/issuer");
        // each request in the peer's log with the traceparent it came with, so that a test follows a step's trace
        env.put("QUARKUS_HTTP_ACCESS_LOG_ENABLED", "true");
        env.put("QUARKUS_HTTP_ACCESS_LOG_PATTERN", "%r %s traceparent=%{i,traceparent}");
        if (this == KEYSTORE) {
            env.put("CERTDESK_VAULT_UNSEAL", "FILE");
            env.put("CERTDESK_VAULT_KEY_FILE_PATH", ROOT.resolve("keystore-vault.key").toString());
            env.put("CERTDESK_VAULT_KEY_FILE_CREATE_IF_MISSING", "true");
            env.put("CERTDESK_AUDIT_HMAC_KEY_FILE", ROOT.resolve("keystore-audit.key").toString());
            env.put("CERTDESK_AUDIT_CREATE_IF_MISSING", "true");
            env.put("CERTDESK_ISSUANCE_LOCAL_ENABLED", "true");
            env.put("CERTDESK_DEPLOY_TLS_ROOT", TLS_ROOT.toString());
            env.put("CERTDESK_AUDIT_CHECKPOINT_FILE", ROOT.resolve("keystore-audit-checkpoints-"
                    + System.getProperty(PG_PORT) + ".jsonl").toString());
        } else {
            env.put("CERTDESK_BINDING_HTTPS_PORT", Integer.toString(HTTPS_PORT));
            env.put("CERTDESK_BINDING_HTTP_PORT", Integer.toString(HTTP_PORT));
            env.put("CERTDESK_BINDING_ALTERNATE_PORTS_FIRST", Integer.toString(ALT_FIRST));
            env.put("CERTDESK_BINDING_ALTERNATE_PORTS_LAST", Integer.toString(ALT_LAST));
            env.put("CERTDESK_BINDING_TLS_ROOT", TLS_ROOT.toString());
            env.put("CERTDESK_BINDING_DOCUMENT_ROOT", ROOT.resolve("www").toString());
            env.put("CERTDESK_BINDING_ACME_RESPONDER_URL", KEYSTORE.url());
        }
        return env;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
