package io.certdesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;

/**
 * The services' container images, when the run names a directory holding {@code <service>.tar} (docker-archive
 * tarballs, as deploy/images/build-offline.sh writes them) in the system property {@code certdesk.manifest.images}:
 * each is unpacked layer by layer into a root file system with /proc mounted, for {@link ContainerRun} to chroot into.
 * Without the property the services run from their built jars.
 */
final class Images {

    static final String PROPERTY = "certdesk.manifest.images";

    /** An unpacked image: its root file system, entry point and environment. */
    record Unpacked(Path rootfs, List<String> entrypoint, Map<String, String> env) {
    }

    private final Path directory;
    private final Map<String, Unpacked> unpacked = new LinkedHashMap<>();

    private Images(Path directory) {
        this.directory = directory;
    }

    static Optional<Images> fromProperty() {
        String dir = System.getProperty(PROPERTY, "");
        return dir.isBlank() ? Optional.empty() : Optional.of(new Images(Path.of(dir).toAbsolutePath()));
    }

    synchronized Unpacked of(String service, Path root) throws IOException, InterruptedException {
        Unpacked done = unpacked.get(service);
        if (done != null) {
            return done;
        }
        Path tar = directory.resolve(service + ".tar");
        if (!Files.exists(tar)) {
            fail(tar + " is missing (deploy/images/build-offline.sh writes it)");
        }
        Path archive = Files.createDirectories(root.resolve(service + "-image"));
        run("tar", "-xf", tar.toString(), "-C", archive.toString());
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(archive.resolve("manifest.json").toFile()).get(0);
        JsonNode config = json.readTree(archive.resolve(manifest.path("Config").asText()).toFile()).path("config");
        Path rootfs = Files.createDirectories(root.resolve(service + "-rootfs"));
        for (JsonNode layer : manifest.path("Layers")) {
            String name = layer.asText();
            run("tar", name.endsWith(".gz") ? "-xzf" : "-xf", archive.resolve(name).toString(), "-C", rootfs.toString());
        }
        Files.createDirectories(rootfs.resolve("proc"));
        run("mount", "-t", "proc", "proc", rootfs.resolve("proc").toString());
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(a -> entrypoint.add(a.asText()));
        config.path("Cmd").forEach(a -> entrypoint.add(a.asText()));
        Map<String, String> env = new LinkedHashMap<>();
        config.path("Env").forEach(e -> {
            String[] kv = e.asText().split("=", 2);
            env.put(kv[0], kv.length > 1 ? kv[1] : "");
        });
        Unpacked image = new Unpacked(rootfs, entrypoint, env);
        unpacked.put(service, image);
        return image;
    }

    /** Unmounts every /proc this mounted. */
    synchronized void close() throws IOException, InterruptedException {
        for (Unpacked image : unpacked.values()) {
            run("umount", image.rootfs().resolve("proc").toString());
        }
    }

    /** Unmounts (lazily) whatever is still mounted under {@code root}, so that deleting it never walks into /proc. */
    static void unmountLeftovers(Path root) throws IOException, InterruptedException {
        Path mounts = Path.of("/proc/self/mounts");
        if (!Files.isReadable(mounts)) {
            return;
        }
        for (String line : Files.readAllLines(mounts)) {
            String[] fields = line.split(" ");
            if (fields.length > 1 && fields[1].startsWith(root.toString() + "/")) {
                run("umount", "-l", fields[1]);
            }
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Commands.run(Duration.ofSeconds(120), command);
    }
}
