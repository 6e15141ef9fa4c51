package io.certdesk.binding.config;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

/**
 * Renders for real web servers started by the tests: the TLS root is a temporary directory the tests
 * fill with openssl-made certificates, and the HTTPS, HTTP and alternate ports are high ones so that no
 * privileges are needed and nothing on 80/443 is disturbed.
 */
public class PeerProfile implements QuarkusTestProfile {

    public static final int HTTPS_PORT = 38443;
    public static final int HTTP_PORT = 38080;
    public static final int ALT_FIRST = 38444;
    public static final int ALT_LAST = 38449;
    public static final Path ROOT = tempRoot();
    public static final Path TLS_ROOT = ROOT.resolve("tls");
    public static final int RESPONDER_PORT = freePort();

    // Quarkus loads this class in more than one class loader; JVM-wide properties make them agree.
    private static Path tempRoot() {
        synchronized (System.class) {
            String existing = System.getProperty("certdesk.test.peer-root");
            if (existing != null) {
                return Path.of(existing);
            }
            try {
                Path root = Files.createTempDirectory("certdesk-peer-");
                System.setProperty("certdesk.test.peer-root", root.toString());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
                return root;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static int freePort() {
        synchronized (System.class) {
            String existing = System.getProperty("certdesk.test.responder-port");
            if (existing != null) {
                return Integer.parseInt(existing);
            }
            try (ServerSocket s = new ServerSocket(0)) {
                System.setProperty("certdesk.test.responder-port", Integer.toString(s.getLocalPort()));
                return s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "certdesk.binding.https-port", Integer.toString(HTTPS_PORT),
                "certdesk.binding.http-port", Integer.toString(HTTP_PORT),
                "certdesk.binding.alternate-ports.first", Integer.toString(ALT_FIRST),
                "certdesk.binding.alternate-ports.last", Integer.toString(ALT_LAST),
                "certdesk.binding.tls-root", TLS_ROOT.toString(),
                "certdesk.binding.document-root", ROOT.resolve("www").toString(),
                "certdesk.binding.acme-responder-url", "http://127.0.0.1:" + RESPONDER_PORT,
                "certdesk.binding.apache-passphrase-helper", ROOT.resolve("tls-passphrase").toString());
    }
}
