import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The embedded default for developers: one real PostgreSQL server (zonky binaries) with its data
 * under .data/postgres, a local JWT signing key under .data/jwt, and the three services started as
 * child processes on it. Ctrl-C stops the services, then PostgreSQL. Never part of a service artifact.
 */
public class LocalStack {

    record Service(String name, int port, String database) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("order-service", 8080, "certdesk_order"),
            new Service("keystore-service", 8081, "certdesk_keystore"),
            new Service("binding-service", 8082, "certdesk_binding"));

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int pgPort = Integer.parseInt(System.getenv().getOrDefault("CERTDESK_PG_PORT", "15432"));
        Path data = root.resolve(".data");
        Path logs = Files.createDirectories(data.resolve("logs"));

        requireFree(pgPort, "embedded PostgreSQL (set CERTDESK_PG_PORT to use another port)");
        for (Service s : SERVICES) {
            requireFree(s.port(), s.name());
        }
        requireFree(GATEWAY_PORT, "the local gateway (set CERTDESK_GATEWAY_PORT to use another port)");
        Path jwt = Files.createDirectories(data.resolve("jwt"));
        Path publicKey = ensureKeyPair(jwt, "private.pem", "public.pem", "a local JWT signing key");
        // order-service signs its own tokens to call the other two; they trust its key and the local issuer's
        Path servicePublicKey = ensureKeyPair(jwt, "order-service-private.pem", "order-service-public.pem",
                "order-service's own service-token key");
        Path jwks = writeJwks(jwt.resolve("jwks.json"), Map.of("certdesk-local", publicKey, "order-service", servicePublicKey));

        Path pgData = data.resolve("postgres");
        boolean fresh = !Files.exists(pgData.resolve("PG_VERSION"));
        Files.createDirectories(pgData);
        System.out.println((fresh ? "Creating" : "Starting") + " PostgreSQL in " + pgData + " on port " + pgPort);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPort(pgPort)
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky tunes for throw-away test databases; this one keeps a developer's data
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logs.resolve("postgres.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logs.resolve("postgres.log").toFile()))
                .start();
        createDatabases(postgres);

        List<Process> children = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(children, postgres), "local-stack-stop"));

        String java = ProcessHandle.current().info().command().orElse("java");
        for (Service s : SERVICES) {
            Path jar = root.resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing; build first (./mvnw install -DskipTests)");
            }
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(javaOptions());
            command.add("-jar");
            command.add(jar.toString());
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(root.resolve(s.name()).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(s.name() + ".log").toFile()));
            Map<String, String> env = pb.environment();
            String hostPort = "localhost:" + pgPort + "/" + s.database();
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + hostPort);
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + hostPort);
            // migrations run as the owner (here the cluster's superuser), the service as a role that only reads and
            // writes rows (its grants come from the services' V*__runtime_role.sql migrations)
            env.put("QUARKUS_DATASOURCE_USERNAME", RUNTIME_ROLE);
            env.put("QUARKUS_DATASOURCE_PASSWORD", RUNTIME_ROLE);
            env.put("CERTDESK_DB_OWNER_USERNAME", "postgres");
            // staff may run the renewal notices for a chosen day (POST /renewals/runs), so a demo needs no waiting
            env.put("CERTDESK_RENEWALS_MANUAL_RUNS", "true");
            // the signature under customer notices (example values for the local stack)
            env.put("CERTDESK_NOTICES_SIGNATURE_PHONE", "03-1234-5678");
            env.put("CERTDESK_NOTICES_SIGNATURE_HOURS", "平日 10:00〜18:00（土日祝・年末年始を除く）");
            env.put("CERTDESK_DB_OWNER_PASSWORD", "postgres");
            env.put("QUARKUS_HTTP_PORT", Integer.toString(s.port()));
            env.put("CERTDESK_JWT_ISSUER", "https://certdesk.local/issuer");
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", (s.name().equals("order-service") ? publicKey : jwks).toString());
            env.putAll(localSettings(s, data));
            children.add(pb.start());
        }

        for (int i = 0; i < SERVICES.size(); i++) {
            awaitReady(SERVICES.get(i), children.get(i), logs);
        }
        // one origin for the browser, routed as the Kubernetes Gateway routes it (deploy/local/Gateway.java)
        List<String> gateway = new ArrayList<>(List.of(java, root.resolve("deploy/local/Gateway.java").toString(),
                Integer.toString(GATEWAY_PORT), root.resolve("deploy/kubernetes/base/gateway.yaml").toString()));
        for (Service s : SERVICES) {
            gateway.add(s.name() + "=http://localhost:" + s.port());
        }
        children.add(new ProcessBuilder(gateway).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("gateway.log").toFile())).start());
        // any answer means it routes (a 401 problem for /me without a token)
        awaitAnswer("the gateway", URI.create("http://localhost:" + GATEWAY_PORT + "/me"), status -> status > 0,
                children.get(children.size() - 1), logs.resolve("gateway.log"), 30);
        System.out.println();
        System.out.println("certdesk is up (logs in " + logs + "):");
        for (Service s : SERVICES) {
            System.out.printf("  %-17s http://localhost:%d   Swagger UI: http://localhost:%d/q/swagger-ui%n",
                    s.name(), s.port(), s.port());
        }
        System.out.println("One origin for the browser (routes of the Kubernetes Gateway): http://localhost:" + GATEWAY_PORT);
        System.out.println("Console (order desk and customer portal): http://localhost:" + GATEWAY_PORT
                + "/console/   (sign in with a token pasted from:)");
        System.out.println("Get a token:  deploy/local/token.sh staff   (roles: customer, staff, admin, deployer, service)");
        System.out.println("Press Ctrl-C to stop everything.");

        for (Process p : children) {
            p.waitFor();
        }
    }

    static final int GATEWAY_PORT = Integer.parseInt(System.getenv().getOrDefault("CERTDESK_GATEWAY_PORT", "8000"));

    /** HTTPS, HTTP and alternate ports binding-service renders: unprivileged, so the demo's nginx runs as anyone. */
    static final int HTTPS_PORT = 8443;
    static final int HTTP_PORT = 8088;

    /**
     * Developer-only settings: the vault unseals from a key file created on first start (0600), the
     * development CA is on and signs products that name no issuer, mails are logged instead of sent,
     * order-service calls the other two with its own key, and binding-service renders unprivileged ports,
     * a TLS root under .data/tls (where keystore's deploy material points) and ACME challenges to the local keystore.
     */
    static Map<String, String> localSettings(Service s, Path data) {
        Path serviceData = data.resolve(s.name());
        Path tlsRoot = data.resolve("tls");
        return switch (s.name()) {
            case "keystore-service" -> Map.of(
                    "CERTDESK_VAULT_UNSEAL", "FILE",
                    "CERTDESK_VAULT_KEY_FILE_PATH", serviceData.resolve("vault.key").toString(),
                    "CERTDESK_VAULT_KEY_FILE_CREATE_IF_MISSING", "true",
                    "CERTDESK_AUDIT_HMAC_KEY_FILE", serviceData.resolve("audit.key").toString(),
                    "CERTDESK_AUDIT_CREATE_IF_MISSING", "true",
                    "CERTDESK_ISSUANCE_LOCAL_ENABLED", "true",
                    "CERTDESK_DEPLOY_TLS_ROOT", tlsRoot.toString(),
                    "CERTDESK_AUDIT_CHECKPOINT_FILE", serviceData.resolve("audit-checkpoints.jsonl").toString());
            case "order-service" -> Map.ofEntries(
                    Map.entry("QUARKUS_MAILER_MOCK", "true"),
                    // made up for the local stack: a check digit that verifies, a bank that does not exist
                    Map.entry("CERTDESK_BILLING_REGISTRATION_NUMBER", "T7123456789012"),
                    Map.entry("CERTDESK_BILLING_ISSUER_NAME", "certdesk株式会社"),
                    Map.entry("CERTDESK_BILLING_ISSUER_ADDRESS", "〒100-0001 東京都千代田区千代田1-1"),
                    Map.entry("CERTDESK_BILLING_BANK_NAME", "さくら銀行"),
                    Map.entry("CERTDESK_BILLING_BANK_BRANCH", "本店営業部（店番号100）"),
                    Map.entry("CERTDESK_BILLING_BANK_ACCOUNT_NUMBER", "1234567"),
                    Map.entry("CERTDESK_BILLING_BANK_ACCOUNT_HOLDER", "サーテイデスク（カ"),
                    Map.entry("CERTDESK_SERVICE_TOKEN_KEY_LOCATION", data.resolve("jwt/order-service-private.pem").toString()),
                    Map.entry("CERTDESK_KEYSTORE_URL", "http://localhost:8081"),
                    Map.entry("CERTDESK_BINDING_URL", "http://localhost:8082"),
                    Map.entry("CERTDESK_PRODUCTS_DEFAULT_ISSUER", "LOCAL"));
            case "binding-service" -> Map.of(
                    "CERTDESK_BINDING_ACME_RESPONDER_URL", "http://127.0.0.1:8081",
                    "CERTDESK_BINDING_HTTPS_PORT", Integer.toString(HTTPS_PORT),
                    "CERTDESK_BINDING_HTTP_PORT", Integer.toString(HTTP_PORT),
                    "CERTDESK_BINDING_ALTERNATE_PORTS_FIRST", "8444",
                    "CERTDESK_BINDING_ALTERNATE_PORTS_LAST", "8449",
                    "CERTDESK_BINDING_TLS_ROOT", tlsRoot.toString(),
                    "CERTDESK_BINDING_DOCUMENT_ROOT", data.resolve("www").toString());
            default -> Map.of();
        };
    }

    static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("localhost", port));
        } catch (IOException e) {
            System.err.println("Port " + port + " for " + what + " is in use; stop whatever holds it and retry.");
            System.exit(2);
        }
    }

    /** A developer-only RS256 key pair; tokens signed with it are accepted only by the local stack. */
    static Path ensureKeyPair(Path dir, String privateName, String publicName, String what) throws Exception {
        Path privatePem = dir.resolve(privateName);
        Path publicPem = dir.resolve(publicName);
        if (Files.exists(privatePem) && Files.exists(publicPem)) {
            return publicPem;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        System.out.println("Created " + what + " in " + dir);
        return publicPem;
    }

    /** The key set keystore-service and binding-service trust: the local issuer's key and order-service's own. */
    static Path writeJwks(Path file, Map<String, Path> publicKeys) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, Path> e : new java.util.TreeMap<>(publicKeys).entrySet()) {
            String body = Files.readString(e.getValue()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            java.security.interfaces.RSAPublicKey key = (java.security.interfaces.RSAPublicKey) java.security.KeyFactory
                    .getInstance("RSA").generatePublic(new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(body)));
            keys.add("{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + e.getKey() + "\",\"n\":\""
                    + unsigned(key.getModulus()) + "\",\"e\":\"" + unsigned(key.getPublicExponent()) + "\"}");
        }
        Files.writeString(file, "{\"keys\":[" + String.join(",", keys) + "]}\n");
        return file;
    }

    /**
     * The JVM options of each service: a heap that fits a small container (the Kubernetes manifests give the same),
     * the serial collector (one small heap needs no parallel one, and it keeps the resident memory low), a bounded
     * code cache, metaspace and thread stacks, and an exit on OutOfMemoryError so that a broken service is restarted,
     * not left half alive. CERTDESK_JAVA_OPTS replaces them.
     */
    static List<String> javaOptions() {
        String custom = System.getenv("CERTDESK_JAVA_OPTS");
        if (custom != null && !custom.isBlank()) {
            return List.of(custom.trim().split("\\s+"));
        }
        return List.of("-Xms32m", "-Xmx160m", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m",
                "-XX:MaxMetaspaceSize=160m", "-Xss512k", "-XX:+ExitOnOutOfMemoryError");
    }

    static String unsigned(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The role the services connect as; local only, so its password is its name. */
    static final String RUNTIME_ROLE = "certdesk_app";

    static void createDatabases(EmbeddedPostgres postgres) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_roles where rolname = '" + RUNTIME_ROLE + "'")) {
                if (!rs.next()) {
                    st.execute("create role " + RUNTIME_ROLE + " login password '" + RUNTIME_ROLE + "'");
                }
            }
            for (Service s : SERVICES) {
                try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + s.database() + "'")) {
                    if (!rs.next()) {
                        st.execute("create database " + s.database());
                    }
                }
            }
        }
    }

    static void awaitReady(Service s, Process p, Path logs) throws Exception {
        awaitAnswer(s.name(), URI.create("http://localhost:" + s.port() + "/q/health/ready"), status -> status == 200,
                p, logs.resolve(s.name() + ".log"), 120);
    }

    /**
     * Waits until {@code uri} answers with a status {@code ready} accepts, while {@code p} (whose output goes to
     * {@code log}) is alive, for at most {@code seconds}.
     */
    static void awaitAnswer(String what, URI uri, java.util.function.IntPredicate ready, Process p, Path log, int seconds)
            throws Exception {
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new IllegalStateException(what + " exited with " + p.exitValue() + "; see " + log);
            }
            try {
                HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
                c.setConnectTimeout(500);
                if (ready.test(c.getResponseCode())) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(what + " was not ready within " + seconds + " s; see " + log);
    }

    static void stopAll(List<Process> children, EmbeddedPostgres postgres) {
        System.out.println("\nStopping services...");
        children.forEach(Process::destroy);
        for (Process p : children) {
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            postgres.close();
            System.out.println("PostgreSQL stopped; data kept in .data/postgres.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
