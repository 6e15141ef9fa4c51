package io.certdesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One overlay of deploy/kubernetes rendered by {@code kubectl kustomize}, its objects by kind and name. */
final class Manifests {

    static final Path REPOSITORY = Path.of("..", "..", "..").toAbsolutePath().normalize();

    private final List<JsonNode> objects;

    private Manifests(List<JsonNode> objects) {
        this.objects = objects;
    }

    static Manifests render(String overlay) throws IOException, InterruptedException {
        Path dir = REPOSITORY.resolve("deploy/kubernetes/overlays").resolve(overlay);
        if (!Commands.onPath("kubectl")) {
            fail("kubectl is missing: apt-get install kubectl (it renders the overlays offline with kubectl kustomize)");
        }
        // an overlay's example secrets are made in each checkout, never committed (overlays/dev/example-secrets)
        Path generator = dir.resolve("example-secrets/generate.sh");
        if (Files.exists(generator)) {
            Commands.run(Duration.ofSeconds(60), generator.toString());
        }
        String yaml = Commands.run(Duration.ofSeconds(60), "kubectl", "kustomize", dir.toString());
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    objects.add(doc);
                }
            }
        }
        return new Manifests(objects);
    }

    List<JsonNode> all(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    JsonNode one(String kind, String name) {
        List<JsonNode> found = all(kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText())).toList();
        assertEquals(1, found.size(), "the overlay renders one " + kind + " " + name);
        return found.get(0);
    }

    /** A ConfigMap's data. */
    Map<String, byte[]> configMap(String name) {
        Map<String, byte[]> data = new LinkedHashMap<>();
        one("ConfigMap", name).path("data").fields()
                .forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText().getBytes(StandardCharsets.UTF_8)));
        return data;
    }

    /** A Secret's data, decoded (kustomize wraps long base64 values over lines, as the API server accepts). */
    Map<String, byte[]> secret(String name) {
        Map<String, byte[]> data = new LinkedHashMap<>();
        JsonNode secret = one("Secret", name);
        secret.path("data").fields().forEachRemaining(e -> data.put(e.getKey(),
                Base64.getDecoder().decode(e.getValue().asText().replaceAll("\\s+", ""))));
        secret.path("stringData").fields()
                .forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText().getBytes(StandardCharsets.UTF_8)));
        return data;
    }

    String secretText(String name, String key) {
        byte[] value = secret(name).get(key);
        assertNotNull(value, "Secret " + name + " has no key " + key);
        return new String(value, StandardCharsets.UTF_8);
    }
}
