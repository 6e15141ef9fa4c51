package io.certdesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The dev overlay, rendered by kubectl kustomize, is what the services get: each service's init container migrates
 * its database as the schema owner and exits, then the service starts as the pod's non-root user with exactly the
 * container's env, env-from and mounted files (see {@link ContainerRun}) against a PostgreSQL set up the way the
 * CloudNativePG objects say (roles and passwords from the overlay's Secrets, databases and owners, TLS only, SCRAM
 * passwords), and becomes ready. keystore-service unseals from its mounted key file; its runtime role cannot
 * disable the audit triggers; two keystore instances on one database seal together. With the system property
 * {@code certdesk.manifest.images} (deploy/images/build-offline.sh sets it) the same runs happen inside the services'
 * container images.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManifestContractTest {

    private static final Duration START = Duration.ofSeconds(120);
    /** When this test began (to tell what its services wrote from what lay in shared folders before). */
    private static final Instant STARTED = Instant.now().minusSeconds(1);

    private Manifests dev;
    private EmbeddedPostgres postgres;
    private Path root;
    private Path caCert;
    private final Map<String, String> addresses = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<ContainerRun> running = new ArrayList<>();
    private final java.util.Optional<Images> images = Images.fromProperty();

    @BeforeAll
    void clusterAsTheManifestsDescribeIt() throws Exception {
        dev = Manifests.render("dev");
        root = Path.of("target", "manifest-contract").toAbsolutePath();
        Images.unmountLeftovers(root); // a run that died may have left an image's /proc mounted there
        deleteRecursively(root);
        Files.createDirectories(root);
        Files.setPosixFilePermissions(root, ContainerRun.mode(0755));
        Files.setPosixFilePermissions(root.getParent(), ContainerRun.mode(0755));

        // PostgreSQL as CloudNativePG runs it: TLS with a certificate of its own CA, and pg_hba from the Cluster
        Path pg = Files.createDirectories(root.resolve("postgres"));
        caCert = pg.resolve("ca.crt");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                pg.resolve("ca.key").toString(), "-out", caCert.toString(), "-days", "2", "-subj", "/CN=certdesk-db CA");
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                pg.resolve("server.key").toString(), "-out", pg.resolve("server.csr").toString(), "-subj", "/CN=certdesk-db-rw");
        Files.writeString(pg.resolve("san.cnf"), "subjectAltName=DNS:certdesk-db-rw,IP:127.0.0.1\n");
        openssl("x509", "-req", "-in", pg.resolve("server.csr").toString(), "-CA", caCert.toString(), "-CAkey",
                pg.resolve("ca.key").toString(), "-CAcreateserial", "-days", "2", "-out", pg.resolve("server.crt").toString(),
                "-extfile", pg.resolve("san.cnf").toString());
        Files.setPosixFilePermissions(pg.resolve("server.key"), ContainerRun.mode(0600));
        JsonNode cluster = dev.one("Cluster", "certdesk-db");
        StringBuilder hba = new StringBuilder("local all all trust\nhost all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust\n");
        for (JsonNode rule : cluster.path("spec").path("postgresql").path("pg_hba")) {
            hba.append(rule.asText()).append('\n');
        }
        // what CloudNativePG appends after the Cluster's own rules (it also matches connections without TLS)
        hba.append("host all all all scram-sha-256\n");
        Files.writeString(pg.resolve("pg_hba.conf"), hba);
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", pg.resolve("server.crt").toString())
                .setServerConfig("ssl_key_file", pg.resolve("server.key").toString())
                .setServerConfig("hba_file", pg.resolve("pg_hba.conf").toString())
                .setServerConfig("password_encryption", "scram-sha-256")
                .start();
        int pgPort = postgres.getPort();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
            createRole(s, initdb.path("owner").asText(), initdb.path("secret").path("name").asText());
            for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
                createRole(s, role.path("name").asText(), role.path("passwordSecret").path("name").asText());
            }
            s.execute("create database " + initdb.path("database").asText() + " owner " + initdb.path("owner").asText());
            for (JsonNode db : dev.all("Database")) {
                s.execute("create database " + db.path("spec").path("name").asText() + " owner "
                        + db.path("spec").path("owner").asText());
            }
        }
        addresses.put("certdesk-db-rw:5432", "127.0.0.1:" + pgPort);
        for (String service : List.of("keystore-service", "binding-service", "order-service")) {
            ports.put(service, freePort());
        }
        addresses.put("http://keystore-service:8081", "http://127.0.0.1:" + ports.get("keystore-service"));
        addresses.put("http://binding-service:8082", "http://127.0.0.1:" + ports.get("binding-service"));
    }

    @AfterAll
    void stopAll() throws IOException, InterruptedException {
        running.forEach(ContainerRun::stop);
        if (images.isPresent()) {
            images.get().close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void eachServiceMigratesAsTheOwnerThenStartsAsTheAppRoleAndBecomesReady() throws Exception {
        for (String service : List.of("keystore-service", "binding-service", "order-service")) {
            ContainerRun migrate = container(service, "migrate", ports.get(service));
            assertEquals(0, migrate.start().awaitExit(START), service + "'s migration failed:\n" + migrate.tail());
            assertTrue(Files.readString(migrate.log).contains("Successfully applied")
                    || Files.readString(migrate.log).contains("is up to date"), service + " migrated:\n" + migrate.tail());
            ContainerRun app = container(service, service, ports.get(service));
            running.add(app.start());
            assertEquals("false", app.env().get("QUARKUS_FLYWAY_MIGRATE_AT_START"), service + " does not migrate itself");
        }
        for (ContainerRun app : running) {
            app.awaitReady(START);
        }
        String keystoreReady = running.get(0).get(running.get(0).readiness()).body();
        JsonNode checks = new ObjectMapper().readTree(keystoreReady).path("checks");
        boolean vaultUp = false;
        for (JsonNode check : checks) {
            vaultUp |= "vault".equals(check.path("name").asText()) && "UP".equals(check.path("status").asText());
        }
        assertTrue(vaultUp, "keystore-service unsealed from its mounted key file: " + keystoreReady);
        // binding-service's /resolve table listens for changes over the same verified TLS as its datasource: it says
        // so once listening, and never that it cannot
        ContainerRun binding = running.get(1);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!Files.readString(binding.log).contains("/resolve listens to") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        String bindingLog = Files.readString(binding.log);
        assertTrue(bindingLog.contains("/resolve listens to"), "binding-service listens for binding changes:\n" + bindingLog);
        assertTrue(!bindingLog.contains("cannot listen"), "binding-service listens for binding changes:\n" + bindingLog);
        // the process writes nowhere but its emptyDir: no file of the pod's user anywhere it could write but there
        for (ContainerRun app : running) {
            Set<Path> emptyDirs = Set.of(app.fs.resolve("proc"), app.fs.resolve("tmp"));
            List<Path> written = new ArrayList<>(ownedBy(app.fs, Integer.MAX_VALUE, app.uid, emptyDirs));
            if (images.isEmpty()) {
                // on this machine it could also have written straight into the places anyone may write to
                for (Path shared : List.of(Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/dev/shm"))) {
                    ownedBy(shared, 1, app.uid, emptyDirs).stream().filter(ManifestContractTest::sinceStart)
                            .forEach(written::add);
                }
            }
            assertEquals(List.of(), written, app.name + " wrote outside its emptyDir /tmp");
        }
    }

    private static boolean sinceStart(Path file) {
        try {
            return !Files.getLastModifiedTime(file, java.nio.file.LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(STARTED);
        } catch (IOException gone) {
            return false;
        }
    }

    /** The files and folders under {@code place}, {@code depth} levels deep, that belong to {@code uid}, {@code skip} left out. */
    private static List<Path> ownedBy(Path place, int depth, int uid, Set<Path> skip) throws IOException {
        List<Path> owned = new ArrayList<>();
        if (!Files.isDirectory(place)) {
            return owned;
        }
        Files.walkFileTree(place, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), depth,
                new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes a)
                    throws IOException {
                if (skip.contains(dir)) {
                    return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                }
                return visitFile(dir, a);
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a)
                    throws IOException {
                if ((Integer) Files.getAttribute(file, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS) == uid) {
                    owned.add(file);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        return owned;
    }

    @Test
    @Order(2)
    void theRuntimeRoleCannotAlterTablesNorDisableTheAuditTriggers() throws Exception {
        String user = dev.secretText("certdesk-keystore-db-app", "username");
        try (Connection c = connect("certdesk_keystore", user, dev.secretText("certdesk-keystore-db-app", "password"));
                Statement s = c.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> s.execute("alter table audit_entry disable trigger user"));
            assertTrue(refused.getMessage().contains("must be owner"), refused.getMessage());
            assertThrows(SQLException.class, () -> s.execute("alter table managed_key add column x int"));
            assertThrows(SQLException.class, () -> s.execute("truncate audit_entry"));
            // it reads and writes rows
            s.executeQuery("select count(*) from audit_entry").close();
        }
        // a password that is not the Secret's, or no TLS, is refused
        assertThrows(SQLException.class, () -> connect("certdesk_keystore", user, "wrong").close());
        Properties plain = new Properties();
        plain.setProperty("user", user);
        plain.setProperty("password", dev.secretText("certdesk-keystore-db-app", "password"));
        plain.setProperty("sslmode", "disable");
        assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/certdesk_keystore", plain).close());
    }

    @Test
    @Order(3)
    void sealingOneKeystoreInstanceSealsTheOtherAndAnUnsealOpensBoth() throws Exception {
        ContainerRun first = running.get(0);
        ContainerRun second = container("keystore-service", "keystore-service", freePort());
        running.add(second.start());
        second.awaitReady(START);
        String admin = adminToken();

        assertEquals(200, first.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + first.port + "/sys/seal"))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody())).statusCode());
        awaitStatus(second, 503, "the second instance to follow the seal");
        awaitStatus(first, 503, "the first instance to report not ready");

        assertEquals(200, second.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second.port + "/sys/unseal"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode());
        awaitStatus(second, 200, "the second instance to be ready after its unseal");
        awaitStatus(first, 200, "the first instance to re-open from its key file");
    }

    private ContainerRun container(String deployment, String container, int port) throws IOException, InterruptedException {
        return ContainerRun.of(dev, deployment, container, root, port, addresses,
                Map.of("certdesk-db-ca", Map.of("ca.crt", Files.readAllBytes(caCert))),
                images.isPresent() ? images.get().of(deployment, root) : null);
    }

    private void awaitStatus(ContainerRun run, int status, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (run.get(run.readiness()).statusCode() != status) {
            if (Instant.now().isAfter(deadline)) {
                fail("gave up waiting for " + what + ":\n" + run.tail());
            }
            Thread.sleep(200);
        }
    }

    /** An admin token from the dev overlay's example issuer key, for the issuer and audience its ConfigMaps name. */
    private String adminToken() throws Exception {
        String issuer = new String(dev.configMap(dev.all("ConfigMap").stream()
                .map(c -> c.path("metadata").path("name").asText()).filter(n -> n.startsWith("certdesk-common"))
                .findFirst().orElseThrow()).get("CERTDESK_JWT_ISSUER"), StandardCharsets.UTF_8);
        String pem = Files.readString(Manifests.REPOSITORY.resolve(
                "deploy/kubernetes/overlays/dev/example-secrets/issuer-private.pem"));
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
        long now = Instant.now().getEpochSecond();
        ObjectMapper json = new ObjectMapper();
        String header = json.writeValueAsString(Map.of("alg", "RS256", "typ", "JWT", "kid", "certdesk-dev"));
        String claims = json.writeValueAsString(Map.of("iss", issuer, "aud", "keystore-service", "sub", "manifest-test",
                "upn", "manifest-test@certdesk.dev.example", "groups", List.of("admin"), "iat", now, "exp", now + 600,
                "jti", UUID.randomUUID().toString()));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(rs256.sign());
    }

    private Connection connect(String database, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("sslmode", "verify-full");
        p.setProperty("sslrootcert", caCert.toString());
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database, p);
    }

    private void createRole(Statement s, String role, String secret) throws SQLException {
        assertEquals(role, dev.secretText(secret, "username"), "Secret " + secret + " names the role " + role);
        s.execute("create role " + role + " login password '" + dev.secretText(secret, "password").replace("'", "''") + "'");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Commands.run(Duration.ofSeconds(30), command);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var walk = Files.walk(path)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
