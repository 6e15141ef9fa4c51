package io.certdesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One container of a rendered Deployment run as a local process, with what Kubernetes would give it: its env and
 * envFrom (ConfigMaps and Secrets of the overlay), its mounted ConfigMaps, Secrets and emptyDirs written as files with
 * the modes and ownership the kubelet gives them (root-owned, group fsGroup, group-readable), the pod's uid and gid
 * (setpriv), a read-only working directory and only the emptyDirs writable. Only addresses are changed: every mount
 * path becomes the same path under a directory of the test, the database host becomes the test's PostgreSQL, the
 * other services' Service names their local ports, and the HTTP port a free one.
 */
final class ContainerRun {

    private static final Pattern PORT_ENV = Pattern.compile("QUARKUS_HTTP_PORT");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    final Path log;
    /** The probes' paths as the manifest names them (readiness, startup, liveness); empty for an init container. */
    final Map<String, String> probes = new LinkedHashMap<>();
    private final List<String> command;
    private final Map<String, String> env;
    private final Path workingDirectory;
    /** The file system the process sees (its image's root, or the run's own folder), and the pod's uid. */
    final Path fs;
    final int uid;
    private Process process;

    private ContainerRun(String name, int port, Path log, List<String> command, Map<String, String> env,
            Path workingDirectory, Path fs, int uid) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.command = command;
        this.env = env;
        this.workingDirectory = workingDirectory;
        this.fs = fs;
        this.uid = uid;
    }

    /**
     * @param container "migrate" for the init container, otherwise the main container of the Deployment
     * @param addresses host:port or URL prefixes as the manifests name them, replaced by where the test runs them
     * @param extraSecrets Secrets others create in a cluster (CloudNativePG's CA), by name
     * @param image null to run the service's jar on this machine; otherwise its container image, unpacked by
     *     {@link Images}: the process runs inside it (chroot to its root file system, the image's entry point and
     *     environment, the mounted files at their own paths there, so that no path is changed at all)
     */
    static ContainerRun of(Manifests manifests, String deployment, String container, Path root, int port,
            Map<String, String> addresses, Map<String, Map<String, byte[]>> extraSecrets, Images.Unpacked image)
            throws IOException {
        JsonNode pod = manifests.one("Deployment", deployment).path("spec").path("template").path("spec");
        JsonNode spec = null;
        for (JsonNode c : container.equals("migrate") ? pod.path("initContainers") : pod.path("containers")) {
            if (c.path("name").asText().equals(container.equals("migrate") ? "migrate" : deployment)) {
                spec = c;
            }
        }
        assertNotNull(spec, deployment + " has no container " + container);
        JsonNode security = pod.path("securityContext");
        int uid = security.path("runAsUser").asInt(-1);
        int gid = security.path("runAsGroup").asInt(-1);
        int fsGroup = security.path("fsGroup").asInt(-1);
        assertEquals(true, security.path("runAsNonRoot").asBoolean(), deployment + " runs as non-root");
        assertEquals(true, spec.path("securityContext").path("readOnlyRootFilesystem").asBoolean(),
                deployment + "/" + container + " has a read-only root file system");

        Path fs = image != null ? image.rootfs() : root.resolve(deployment + "-" + container + "-" + port);
        Files.createDirectories(fs);
        // the volumes, written as the kubelet would
        Map<String, JsonNode> volumes = new LinkedHashMap<>();
        pod.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
        List<String> mountPaths = new ArrayList<>();
        for (JsonNode mount : spec.path("volumeMounts")) {
            String mountPath = mount.path("mountPath").asText();
            mountPaths.add(mountPath);
            Path dir = fs.resolve(mountPath.substring(1));
            Files.createDirectories(dir);
            JsonNode volume = volumes.get(mount.path("name").asText());
            assertNotNull(volume, deployment + " mounts volume " + mount.path("name").asText() + " it does not declare");
            if (volume.has("emptyDir")) {
                chown(dir, uid, fsGroup);
                Files.setPosixFilePermissions(dir, mode(0770));
                continue;
            }
            Map<String, byte[]> data;
            int defaultMode;
            JsonNode items;
            if (volume.has("secret")) {
                String secret = volume.path("secret").path("secretName").asText();
                data = extraSecrets.containsKey(secret) ? extraSecrets.get(secret) : manifests.secret(secret);
                defaultMode = volume.path("secret").path("defaultMode").asInt(0644);
                items = volume.path("secret").path("items");
            } else if (volume.has("configMap")) {
                data = manifests.configMap(volume.path("configMap").path("name").asText());
                defaultMode = volume.path("configMap").path("defaultMode").asInt(0644);
                items = volume.path("configMap").path("items");
            } else {
                throw new AssertionError("volume kind not handled: " + volume);
            }
            Map<String, String> paths = new LinkedHashMap<>();
            if (items.isArray() && !items.isEmpty()) {
                items.forEach(i -> paths.put(i.path("key").asText(), i.path("path").asText()));
            } else {
                data.keySet().forEach(k -> paths.put(k, k));
            }
            for (Map.Entry<String, String> e : paths.entrySet()) {
                byte[] value = data.get(e.getKey());
                assertNotNull(value, deployment + " mounts key " + e.getKey() + " that its volume's source lacks");
                Path file = dir.resolve(e.getValue());
                Files.write(file, value);
                // the kubelet: root's file, the pod's fsGroup, the mode asked for plus group read
                chown(file, 0, fsGroup);
                Files.setPosixFilePermissions(file, mode(defaultMode | (fsGroup >= 0 ? 0440 : 0)));
            }
        }

        // the environment: envFrom, then env
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : spec.path("envFrom")) {
            if (from.has("configMapRef")) {
                manifests.configMap(from.path("configMapRef").path("name").asText())
                        .forEach((k, v) -> env.put(k, new String(v, java.nio.charset.StandardCharsets.UTF_8)));
            } else if (from.has("secretRef")) {
                manifests.secret(from.path("secretRef").path("name").asText())
                        .forEach((k, v) -> env.put(k, new String(v, java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        for (JsonNode e : spec.path("env")) {
            String key = e.path("name").asText();
            if (e.has("value")) {
                env.put(key, e.path("value").asText());
            } else if (e.path("valueFrom").has("secretKeyRef")) {
                JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                env.put(key, manifests.secretText(ref.path("name").asText(), ref.path("key").asText()));
            } else if (e.path("valueFrom").has("configMapKeyRef")) {
                JsonNode ref = e.path("valueFrom").path("configMapKeyRef");
                env.put(key, new String(manifests.configMap(ref.path("name").asText()).get(ref.path("key").asText()),
                        java.nio.charset.StandardCharsets.UTF_8));
            } else {
                fail(deployment + ": env " + key + " has a source the test does not know");
            }
        }
        // the port the service listens on is the one the manifest's probes and Service use
        if (!container.equals("migrate")) {
            String declared = null;
            for (JsonNode p : spec.path("ports")) {
                if ("http".equals(p.path("name").asText())) {
                    declared = p.path("containerPort").asText();
                }
            }
            assertEquals(declared, env.get("QUARKUS_HTTP_PORT"), deployment + " listens on its containerPort \"http\"");
        }
        // where things are here instead of in the cluster
        // one pass over each value (longest mount path first), so that a replaced path is never replaced again
        mountPaths.sort(Comparator.comparingInt(String::length).reversed());
        Pattern mounted = Pattern.compile("(?<=^|[=\\s,;&?:])(" + String.join("|", mountPaths.stream().map(Pattern::quote)
                .toList()) + ")(?=$|[/\\s,;&])");
        Map<String, String> local = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            String value = e.getValue();
            for (Map.Entry<String, String> a : addresses.entrySet()) {
                value = value.replace(a.getKey(), a.getValue());
            }
            if (!mountPaths.isEmpty() && image == null) {
                Matcher m = mounted.matcher(value);
                StringBuilder replaced = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(replaced, Matcher.quoteReplacement(fs.resolve(m.group(1).substring(1)).toString()));
                }
                value = m.appendTail(replaced).toString();
            }
            local.put(e.getKey(), PORT_ENV.matcher(e.getKey()).matches() ? Integer.toString(port) : value);
        }
        if (image != null) {
            // the image's environment first; the container's wins (as the kubelet does)
            Map<String, String> merged = new LinkedHashMap<>(image.env());
            merged.putAll(local);
            local = merged;
        } else {
            local.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        }
        local.put("HOME", "/");

        // a working directory (and image) the process cannot write to
        Path work = fs.resolve("work");
        Files.createDirectories(work);
        Files.setPosixFilePermissions(work, mode(0555));
        List<String> command;
        if (image != null) {
            command = new ArrayList<>(List.of("chroot", "--userspec=" + uid + ":" + (gid >= 0 ? gid : 0)));
            if (fsGroup >= 0) {
                command.add("--groups=" + fsGroup);
            }
            command.add(fs.toString());
            command.addAll(image.entrypoint());
        } else {
            Path jar = Manifests.REPOSITORY.resolve(deployment).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                fail(jar + " is missing: build the services first (./mvnw verify builds them before this module)");
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            // as the container runtime starts it: the pod's uid and gid (0 when runAsGroup is not set), the fsGroup as
            // a supplementary group
            command = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + (gid >= 0 ? gid : 0),
                    fsGroup >= 0 ? "--groups=" + fsGroup : "--clear-groups", "--", java, "-jar", jar.toString()));
        }
        ContainerRun run = new ContainerRun(deployment + "/" + container, port,
                root.resolve(deployment + "-" + container + "-" + port + ".log"), command, local, work, fs, uid);
        for (String probe : List.of("readinessProbe", "startupProbe", "livenessProbe")) {
            JsonNode http = spec.path(probe).path("httpGet");
            if (!http.isMissingNode()) {
                assertEquals("http", http.path("port").asText(), deployment + " probes its http port");
                run.probes.put(probe, http.path("path").asText());
            }
        }
        return run;
    }

    Map<String, String> env() {
        return env;
    }

    ContainerRun start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().clear();
        pb.environment().putAll(env);
        process = pb.start();
        return this;
    }

    /** Runs to its end (an init container): the exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(name + " did not exit within " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    /** The readiness probe's path, as the manifest names it. */
    String readiness() {
        String path = probes.get("readinessProbe");
        assertNotNull(path, name + " has no readiness probe");
        return path;
    }

    /** Waits for the readiness probe's path to answer 200; then the startup and liveness probes' paths must too. */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            if (get(readiness()).statusCode() == 200) {
                for (String path : probes.values()) {
                    assertEquals(200, get(path).statusCode(), name + " answers its probe " + path);
                }
                return;
            }
            Thread.sleep(250);
        }
        fail(name + " did not become ready within " + timeout + ":\n" + tail());
    }

    HttpResponse<String> get(String path) throws InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws InterruptedException {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException notListening) {
            return new NoAnswer();
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static void chown(Path path, int uid, int gid) throws IOException {
        if (uid >= 0) {
            Files.setAttribute(path, "unix:uid", uid);
        }
        if (gid >= 0) {
            Files.setAttribute(path, "unix:gid", gid);
        }
    }

    static Set<PosixFilePermission> mode(int octal) {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) {
            if ((octal & (1 << i)) != 0) {
                perms.add(order[i]);
            }
        }
        return perms;
    }

    /** No process listens (yet): an answer with status 0. */
    private static final class NoAnswer implements HttpResponse<String> {
        @Override public int statusCode() { return 0; }
        @Override public HttpRequest request() { return null; }
        @Override public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        @Override public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true); }
        @Override public String body() { return ""; }
        @Override public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
        @Override public URI uri() { return null; }
        @Override public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
    }
}
