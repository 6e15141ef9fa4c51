package io.certdesk.keystore.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The parts of the API convention that span the three committed contracts (the per-contract rules are linted by
 * Spectral in .ci/run): a schema or shared parameter of one name is the same in every contract, list envelopes differ
 * only in their items, operation ids are unique across the three, and every 2xx answer except 204 has a typed body
 * so that a generated client returns a type. Reads the files of the whole reactor, so it runs in every module.
 */
class ContractConventionTest {

    private static final List<String> SERVICES = List.of("order-service", "keystore-service", "binding-service");
    private static final YAMLMapper YAML = new YAMLMapper();

    private static Map<String, JsonNode> contracts() throws IOException {
        Map<String, JsonNode> contracts = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Path file = Path.of("..", service, "src", "main", "openapi", service + ".yaml");
            assertTrue(Files.exists(file), file + " is missing; the contracts of all three services are compared");
            contracts.put(service, YAML.readTree(file.toFile()));
        }
        return contracts;
    }

    @Test
    void aSchemaOfOneNameIsTheSameInEveryContract() throws IOException {
        Map<String, Map<String, JsonNode>> byName = new TreeMap<>();
        contracts().forEach((service, contract) -> contract.path("components").path("schemas").fields()
                .forEachRemaining(e -> byName.computeIfAbsent(e.getKey(), k -> new TreeMap<>())
                        .put(service, e.getValue())));
        List<String> drifted = new ArrayList<>();
        byName.forEach((name, copies) -> {
            if (copies.values().stream().map(ContractConventionTest::envelope).distinct().count() > 1) {
                drifted.add(name + " differs between " + copies.keySet());
            }
        });
        assertEquals(List.of(), drifted);
        for (String shared : List.of("Problem", "Violation", "CallerIdentity")) {
            assertEquals(3, byName.getOrDefault(shared, Map.of()).size(), shared + " must be in all three contracts");
        }
    }

    @Test
    void listEnvelopesDifferOnlyInTheirItems() throws IOException {
        List<JsonNode> envelopes = new ArrayList<>();
        contracts().values().forEach(contract -> contract.path("components").path("schemas").fields()
                .forEachRemaining(e -> {
                    if (e.getKey().endsWith("Page")) {
                        envelopes.add(envelope(e.getValue()));
                    }
                }));
        assertTrue(envelopes.size() > 10, "every service has lists");
        assertEquals(1, envelopes.stream().distinct().count(), "one list envelope: " + envelopes.get(0));
    }

    @Test
    void sharedParametersAreTheSameInEveryContract() throws IOException {
        Map<String, JsonNode> seen = new TreeMap<>();
        List<String> drifted = new ArrayList<>();
        contracts().forEach((service, contract) -> contract.path("components").path("parameters").fields()
                .forEachRemaining(e -> {
                    JsonNode before = seen.putIfAbsent(e.getKey(), e.getValue());
                    if (before != null && !before.equals(e.getValue())) {
                        drifted.add(e.getKey() + " differs in " + service);
                    }
                }));
        assertEquals(List.of(), drifted);
    }

    @Test
    void operationIdsAreUniqueAcrossTheThreeContracts() throws IOException {
        Map<String, String> owner = new TreeMap<>();
        List<String> duplicates = new ArrayList<>();
        contracts().forEach((service, contract) -> operations(contract).forEach((where, op) -> {
            String id = op.path("operationId").asText();
            String before = owner.putIfAbsent(id, service + " " + where);
            if (before != null) {
                duplicates.add(id + " in " + before + " and " + service + " " + where);
            }
        }));
        assertEquals(List.of(), duplicates);
        assertTrue(owner.size() > 80, "all operations were read: " + owner.size());
    }

    @Test
    void everySuccessExceptNoContentHasATypedBody() throws IOException {
        List<String> untyped = new ArrayList<>();
        contracts().forEach((service, contract) -> operations(contract).forEach((where, op) -> op.path("responses")
                .fields().forEachRemaining(r -> {
                    if (r.getKey().startsWith("2") && !r.getKey().equals("204")) {
                        JsonNode content = r.getValue().path("content");
                        boolean typed = content.size() > 0;
                        for (JsonNode media : content) {
                            typed &= media.path("schema").size() > 0;
                        }
                        if (!typed) {
                            untyped.add(service + " " + where + " " + r.getKey());
                        }
                    }
                })));
        assertEquals(List.of(), untyped);
    }

    @Test
    void everyOperationDocumentsItsSuccess() throws IOException {
        List<String> without = new ArrayList<>();
        contracts().forEach((service, contract) -> operations(contract).forEach((where, op) -> {
            List<String> codes = new ArrayList<>();
            op.path("responses").fieldNames().forEachRemaining(codes::add);
            if (codes.stream().noneMatch(code -> code.startsWith("2"))) {
                without.add(service + " " + where);
            }
        }));
        assertEquals(List.of(), without, "an explicit error response hides the default 2xx; declare the success too");
    }

    private static Map<String, JsonNode> operations(JsonNode contract) {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        contract.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (method.getValue().has("operationId")) {
                operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
            }
        }));
        return operations;
    }

    /** A schema with a list envelope's items reference blanked, so envelopes compare by their shape. */
    private static JsonNode envelope(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        JsonNode items = copy.path("properties").path("items");
        if (items.isObject() && items.path("items").isObject()) {
            ((ObjectNode) items.path("items")).put("$ref", "(items)");
        }
        if (copy.isObject() && copy.has("description") && copy.path("description").asText().startsWith("One page of")) {
            ((ObjectNode) copy).put("description", "(page)");
        }
        return copy;
    }
}
