package io.certdesk.order.peers;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real nginx (Debian's) standing in for the customer's web server: its main configuration includes the file the
 * deploy agent writes, every other path lives in a temporary directory, and it listens only where the rendered
 * configuration says (127.0.0.2 and the peers' high ports, so no privileges are needed).
 */
public final class WebServer implements AutoCloseable {

    private static final Pattern PEM = Pattern.compile("-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----");

    private final Path dir;
    private final Path wrapper;
    private final Process process;

    private WebServer(Path dir, Path wrapper, Process process) {
        this.dir = dir;
        this.wrapper = wrapper;
        this.process = process;
    }

    /** Starts nginx on an empty {@code <dir>/certdesk.conf}, the file the agent fills. */
    public static WebServer start(Path dir) throws Exception {
        String nginx = tool("nginx", "nginx");
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("certdesk.conf"), "# written by certdesk-agent\n");
        String conf = "pid " + dir.resolve("nginx.pid") + ";\n"
                + "error_log " + dir.resolve("logs/error.log") + " info;\n"
                + "worker_processes 1;\n"
                + "events { worker_connections 64; }\n"
                + "http {\n"
                + "    access_log off;\n"
                + "    client_body_temp_path " + dir.resolve("client_body") + ";\n"
                + "    proxy_temp_path " + dir.resolve("proxy") + ";\n"
                + "    fastcgi_temp_path " + dir.resolve("fastcgi") + ";\n"
                + "    uwsgi_temp_path " + dir.resolve("uwsgi") + ";\n"
                + "    scgi_temp_path " + dir.resolve("scgi") + ";\n"
                + "    include " + dir.resolve("certdesk.conf") + ";\n"
                + "}\n";
        Path wrapper = Files.writeString(dir.resolve("nginx.conf"), conf);
        Process p = new ProcessBuilder(nginx, "-p", dir + "/", "-e", dir.resolve("logs/error.log").toString(), "-c",
                wrapper.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(dir.resolve("nginx.pid"))) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                fail("nginx did not start: " + Files.readString(dir.resolve("stdout.log")));
            }
            Thread.sleep(50);
        }
        return new WebServer(dir, wrapper, p);
    }

    /** The file the agent writes the rendered configuration to. */
    public Path configFile() {
        return dir.resolve("certdesk.conf");
    }

    /** `nginx -t` for this instance, as the agent runs it. */
    public String testCommand() {
        return tool("nginx", "nginx") + " -q -p " + dir + "/ -e " + dir.resolve("logs/error.log") + " -c " + wrapper + " -t";
    }

    /** `nginx -s reload` for this instance. */
    public String reloadCommand() {
        return tool("nginx", "nginx") + " -p " + dir + "/ -e " + dir.resolve("logs/error.log") + " -c " + wrapper
                + " -s reload";
    }

    /** Waits until something accepts connections on ip:port (nginx applies a reload in the background). */
    public void awaitListening(String ip, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(ip, port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    fail("nginx does not listen on " + ip + ":" + port + ": " + Files.readString(dir.resolve("logs/error.log")));
                }
                Thread.sleep(50);
            }
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /**
     * The SHA-256 fingerprint of the leaf certificate {@code openssl s_client} receives from ip:port with
     * {@code serverName} as SNI (none when null), in keystore's form.
     */
    public static String servedFingerprint(String ip, int port, String serverName) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(tool("openssl", "openssl"), "s_client", "-connect", ip + ":" + port));
        if (serverName == null) {
            cmd.add("-noservername");
        } else {
            cmd.addAll(List.of("-servername", serverName));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        Matcher m = PEM.matcher(out);
        if (!m.find()) {
            return fail("openssl s_client got no certificate from " + ip + ":" + port + " (SNI " + serverName + "): " + out);
        }
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.US_ASCII)));
        return HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    }

    /** Runs deploy/agent/certdesk-agent for {@code serverId} against the peers; returns its exit code and output. */
    public Agent.Result runAgent(String serverId, String token, Map<String, String> extra) throws Exception {
        return Agent.run(serverId, token, this, extra);
    }

    /** The tool's path; fails the test (never skips) naming the Debian package that provides it. */
    public static String tool(String name, String debianPackage) {
        for (String d : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin:/sbin").split(":")) {
            Path p = Path.of(d.isEmpty() ? "." : d, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return fail(name + " is not installed; install the Debian package '" + debianPackage + "'");
    }
}
