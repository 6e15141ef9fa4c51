package io.certdesk.binding.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plumbing every service needs (problems and their mappers, ids, caller and scope, paging, idempotency, entity
 * tags, the contract filter, test support) is copied into each service's {@code platform} package, since the layout
 * has no shared module. A file of one name must be the same in every service apart from the service's package name,
 * and so must the API convention block of application.properties: a fix in one copy is a fix in all three. To
 * propagate a change, copy the file and replace the package (e.g. {@code sed 's/io\.certdesk\.order\./io.certdesk.binding./g'}).
 */
class PlatformCopiesTest {

    private static final List<String> SERVICES = List.of("order", "keystore", "binding");

    @Test
    void platformFilesOfOneNameAreTheSameInEveryService() throws IOException {
        for (String tree : List.of("main", "test")) {
            Map<String, Map<String, String>> byName = new TreeMap<>();
            for (String service : SERVICES) {
                Path dir = Path.of("..", service + "-service", "src", tree, "java", "io", "certdesk", service, "platform");
                assertTrue(Files.isDirectory(dir), dir + " is missing");
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        byName.computeIfAbsent(f.getFileName().toString(), k -> new TreeMap<>())
                                .put(service, Files.readString(f).replaceAll("io\\.certdesk\\.[a-z]+\\.", "io.certdesk.X."));
                    }
                }
            }
            List<String> drifted = new ArrayList<>();
            byName.forEach((name, copies) -> {
                if (copies.values().stream().distinct().count() > 1) {
                    drifted.add(tree + "/" + name + " differs between " + copies.keySet());
                }
            });
            assertEquals(List.of(), drifted, "copies of the platform drifted apart; make them the same again");
        }
    }

    @Test
    void theApiConventionSettingsAreTheSameInEveryService() throws IOException {
        List<String> blocks = new ArrayList<>();
        for (String service : SERVICES) {
            String properties = Files.readString(Path.of("..", service + "-service", "src", "main", "resources",
                    "application.properties"));
            int start = properties.indexOf("# --- API convention");
            int end = properties.indexOf("# --- end of API convention ---");
            assertTrue(start >= 0 && end > start, service + " has no API convention block");
            blocks.add(properties.substring(start, end));
        }
        assertEquals(1, blocks.stream().distinct().count(), "the API convention blocks differ: " + blocks);
    }
}
