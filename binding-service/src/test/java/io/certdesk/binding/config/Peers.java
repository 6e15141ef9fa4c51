package io.certdesk.binding.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** The Debian tools the peer tests drive: openssl, nginx and apache2. */
final class Peers {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----");

    private Peers() {
    }

    /** The tool's path; fails the test (never skips) naming the Debian package that provides it. */
    static String tool(String name, String debianPackage) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin:/sbin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return fail(name + " is not installed; install the Debian package '" + debianPackage
                + "' (apt-get install " + debianPackage + ")");
    }

    /** Runs a command to completion; returns exit code and combined output. */
    static Result run(List<String> command, Path workDir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Output and status of a finished command. */
    record Result(int exit, String output) {
    }

    /**
     * Writes {@code <tlsRoot>/<domain>/{fullchain.pem,privkey.pem,passphrase}} as the keystore's deploy
     * material must: a self-signed certificate whose CN and SAN are the domain, and its key encrypted
     * with the passphrase in the file next to it.
     */
    static void certificate(Path tlsRoot, String domain) throws IOException, InterruptedException {
        String openssl = tool("openssl", "openssl");
        Path dir = Files.createDirectories(tlsRoot.resolve(domain));
        String passphrase = "pass-" + domain.hashCode();
        Files.writeString(dir.resolve("passphrase"), passphrase + "\n");
        Result r = run(List.of(openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-keyout", dir.resolve("privkey.pem").toString(), "-passout", "file:" + dir.resolve("passphrase"),
                "-out", dir.resolve("fullchain.pem").toString(), "-days", "2", "-subj", "/CN=" + domain,
                "-addext", "subjectAltName=DNS:" + domain, "-addext", "basicConstraints=critical,CA:FALSE"), dir);
        assertEquals(0, r.exit(), "openssl req failed: " + r.output());
        String key = Files.readString(dir.resolve("privkey.pem"));
        if (!key.contains("ENCRYPTED")) {
            fail("the test key of " + domain + " should be encrypted so the passphrase path is exercised");
        }
    }

    /** SHA-256 of the first certificate in a PEM file, as keystore-service reports fingerprints. */
    static String fingerprint(Path pem) throws Exception {
        Matcher m = PEM.matcher(Files.readString(pem));
        if (!m.find()) {
            return fail("no certificate in " + pem);
        }
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.US_ASCII)));
        return java.util.HexFormat.ofDelimiter(":").formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    }

    /** The subject CN of the first certificate {@code openssl s_client} received. */
    static String peerCn(String ip, int port, String serverName) throws IOException, InterruptedException {
        String openssl = tool("openssl", "openssl");
        List<String> cmd = new ArrayList<>(List.of(openssl, "s_client", "-connect", ip + ":" + port, "-showcerts"));
        if (serverName == null) {
            cmd.add("-noservername");
        } else {
            cmd.addAll(List.of("-servername", serverName));
        }
        Result r = run(cmd, Path.of(System.getProperty("java.io.tmpdir")));
        Matcher m = PEM.matcher(r.output());
        if (!m.find()) {
            return fail("no certificate from " + ip + ":" + port + " (SNI " + serverName + "): " + r.output());
        }
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.US_ASCII)));
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
            return fail("certificate without CN: " + cert.getSubjectX500Principal());
        } catch (CertificateException | InvalidNameException e) {
            return fail("unreadable certificate from " + ip + ":" + port + ": " + e);
        }
    }

    /** A minimal nginx main config around the rendered file, with every writable path under {@code dir}. */
    static Path nginxWrapper(Path dir, Path rendered) throws IOException {
        Files.createDirectories(dir.resolve("logs"));
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
                + "    include " + rendered + ";\n"
                + "}\n";
        Path wrapper = dir.resolve("nginx.conf");
        Files.writeString(wrapper, conf);
        return wrapper;
    }

    /** The nginx command line for {@code wrapper}: prefix and early error log inside the temp dir. */
    static List<String> nginx(Path dir, Path wrapper, String... more) {
        List<String> cmd = new ArrayList<>(List.of(tool("nginx", "nginx"), "-p", dir + "/", "-e",
                dir.resolve("logs/error.log").toString(), "-c", wrapper.toString()));
        cmd.addAll(List.of(more));
        return cmd;
    }

    /** A minimal Apache main config loading the modules the rendered file needs, then including it. */
    static Path apacheWrapper(Path dir, Path rendered) throws IOException {
        String modules = "/usr/lib/apache2/modules/";
        StringBuilder conf = new StringBuilder()
                .append("ServerRoot \"").append(dir).append("\"\n")
                .append("ServerName certdesk-test.invalid\n")
                .append("PidFile \"").append(dir.resolve("apache.pid")).append("\"\n")
                .append("ErrorLog \"").append(dir.resolve("apache-error.log")).append("\"\n")
                .append("DefaultRuntimeDir \"").append(dir).append("\"\n")
                // only consulted when started as root, where Apache refuses to keep serving as root
                .append("User nobody\nGroup nogroup\n");
        for (String module : List.of("mpm_event", "authz_core", "socache_shmcb", "ssl", "proxy", "proxy_http",
                "alias", "headers")) {
            conf.append("LoadModule ").append(module).append("_module ").append(modules).append("mod_")
                    .append(module).append(".so\n");
        }
        conf.append("Include \"").append(rendered).append("\"\n");
        Path wrapper = dir.resolve("apache2.conf");
        Files.writeString(wrapper, conf.toString());
        return wrapper;
    }
}
