package io.certdesk.order.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.certdesk.order.product.Issuer;
import io.certdesk.order.product.KeyAlgorithm;
import io.certdesk.order.product.ValidationLevel;
import io.certdesk.order.quote.BindingStrategy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What order-service and the deploy agent use of the producers' committed contracts. The generated clients already
 * fail the build when an operation or field they call disappears; this names the rest: the values order-service's
 * own enums send, the paths on an order's delivery links, and what deploy/agent/certdesk-agent reads. A producer
 * that drops or renames any of it fails here before a consumer fails in production.
 */
class ProducerContractTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    private static JsonNode contract(String service) throws IOException {
        return YAML.readTree(Path.of("..", service, "src", "main", "openapi", service + ".yaml").toFile());
    }

    @Test
    void theValuesOrderServiceSendsAreTheProducersValues() throws IOException {
        JsonNode keystore = contract("keystore-service").path("components").path("schemas");
        JsonNode binding = contract("binding-service").path("components").path("schemas");
        List<String> missing = new ArrayList<>();
        Map<String, List<String>> ours = Map.of(
                "keystore Issuer", names(Issuer.values()),
                "keystore KeyAlgorithm", names(KeyAlgorithm.values()),
                "keystore ValidationLevel", names(ValidationLevel.values()),
                "binding BindingStrategy", names(BindingStrategy.values()));
        ours.forEach((where, values) -> {
            JsonNode schemas = where.startsWith("keystore") ? keystore : binding;
            List<String> theirs = new ArrayList<>();
            schemas.path(where.substring(where.indexOf(' ') + 1)).path("enum").forEach(v -> theirs.add(v.asText()));
            values.stream().filter(v -> !theirs.contains(v)).forEach(v -> missing.add(where + " has no " + v));
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void theOperationsOrderServiceAndTheAgentUseExist() throws IOException {
        List<String> missing = new ArrayList<>();
        require(missing, contract("keystore-service"), Map.of(
                "/keys", "post generateKey|get listKeys",
                "/keys/{keyId}", "get getKey",
                "/keys/{keyId}/csr", "post createCsr",
                "/keys/{keyId}/abandon", "post abandonKey",
                "/keys/{keyId}/passphrase", "post revealPassphrase",
                "/keys/{keyId}/exports", "post",
                "/issuances", "post requestIssuance|get listIssuances",
                "/issuances/{issuanceId}", "get getIssuance",
                "/certificates/{certificateId}", "get getCertificate",
                "/servers/{serverId}/tls/{domain}", "get getDeployMaterial"));
        require(missing, contract("binding-service"), Map.of(
                "/servers/{serverId}", "get getServer",
                "/servers/{serverId}/bindings", "post bindDomain|get listBindings",
                "/servers/{serverId}/bindings/preview", "get previewBinding",
                "/servers/{serverId}/bindings/{bindingId}", "delete unbindDomain",
                "/servers/{serverId}/bindings/{bindingId}/certificate", "put linkBindingCertificate",
                "/servers/{serverId}/bindings/{bindingId}/probe", "post probeBinding",
                "/bindings", "get searchBindings",
                "/servers/{serverId}/config", "get renderServerConfig"));
        assertEquals(List.of(), missing);
    }

    @Test
    void theFieldsTheDeployAgentReadsExist() throws IOException {
        JsonNode keystore = contract("keystore-service").path("components").path("schemas");
        JsonNode binding = contract("binding-service").path("components").path("schemas");
        List<String> missing = new ArrayList<>();
        Map<JsonNode, Map<String, List<String>>> read = Map.of(
                keystore, Map.of("DeployMaterial", List.of("directory", "files"), "DeployFile",
                        List.of("name", "mode", "content")),
                binding, Map.of("BindingPage", List.of("items"), "Binding", List.of("domain", "certificateId")));
        read.forEach((schemas, fields) -> fields.forEach((schema, names) -> names.forEach(name -> {
            if (schemas.path(schema).path("properties").path(name).isMissingNode()) {
                missing.add(schema + "." + name);
            }
        })));
        assertEquals(List.of(), missing);
    }

    private static void require(List<String> missing, JsonNode contract, Map<String, String> operations) {
        operations.forEach((path, wanted) -> {
            for (String op : wanted.split("\\|")) {
                String[] parts = op.split(" ");
                JsonNode operation = contract.path("paths").path(path).path(parts[0]);
                if (operation.isMissingNode()) {
                    missing.add(parts[0].toUpperCase() + " " + path);
                } else if (parts.length > 1 && !parts[1].equals(operation.path("operationId").asText())) {
                    missing.add(parts[0].toUpperCase() + " " + path + " is no longer " + parts[1]);
                }
            }
        });
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }
}
