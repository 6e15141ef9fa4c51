package io.certdesk.binding.platform;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Applies the API convention to the contract this service serves, the same way in the three services: one Problem
 * schema for every documented 4xx/5xx, the headers each answer carries, shared parameters for Idempotency-Key and
 * If-Match, list envelopes named after their items, every response property required (nullable where it may be
 * null), the roles of each operation as {@code x-roles}. What it cannot derive, the resources annotate.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiContract implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";
    static final String SECURITY_SCHEME = "bearerAuth";
    private static final String SCHEMAS = "#/components/schemas/";
    /** Simple value schemas that are inlined where used, so that a nullable use can say so. */
    private static final Set<String> INLINED = Set.of("Instant", "LocalDate", "LocalTime", "OffsetDateTime", "UUID",
            "URI");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null || components == null) {
            return;
        }
        inlineSimpleSchemas(openAPI);
        renamePages(openAPI);
        components.addParameter("IdempotencyKey", OASFactory.createParameter().name(Idempotency.HEADER)
                .in(Parameter.In.HEADER).required(false)
                .description("Makes a retry safe: the same key with the same request answers the first answer again "
                        + "(Idempotent-Replayed: true) and changes nothing; the same key with another request is 422. "
                        + "1-" + Idempotency.MAX_KEY_LENGTH + " visible ASCII characters, kept "
                        + Idempotency.RETENTION_DAYS + " days per caller.")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).minLength(1)
                        .maxLength(Idempotency.MAX_KEY_LENGTH).pattern("^[\\x21-\\x7e]+$")));
        components.addParameter("IfMatch", OASFactory.createParameter().name(ETags.IF_MATCH).in(Parameter.In.HEADER)
                .required(false)
                .description("The ETag read with the resource; the change is refused with 412 when the resource "
                        + "changed since.")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
        components.addParameter("IfMatchRequired", OASFactory.createParameter().name(ETags.IF_MATCH)
                .in(Parameter.In.HEADER).required(true)
                .description("The ETag read with the resource, required here: the change is refused with 412 when "
                        + "the resource changed since, and with 428 when If-Match is missing.")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
        describeProblem(components);
        String service = ConfigProvider.getConfig().getOptionalValue("quarkus.application.name", String.class)
                .orElse("service");
        Map<String, List<String>> roles = OperationRoles.scan(ApiContract.class);
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> operation(service, path, method, operation, roles)));
        requireResponseProperties(openAPI);
        removeUnused(openAPI);
    }

    /**
     * Drops component schemas and parameters no operation reaches: every service carries the shared id types, but a
     * contract lists only those it uses.
     */
    private static void removeUnused(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> used = new TreeSet<>(Set.of("Problem"));
        Set<String> parameters = new TreeSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getParameters() != null) {
                op.getParameters().forEach(p -> {
                    if (p.getRef() != null) {
                        parameters.add(p.getRef().substring(p.getRef().lastIndexOf('/') + 1));
                    } else {
                        reach(p.getSchema(), schemas, used);
                    }
                });
            }
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().getMediaTypes().values().forEach(m -> reach(m.getSchema(), schemas, used));
            }
            if (op.getResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(r -> {
                    if (r.getContent() != null) {
                        r.getContent().getMediaTypes().values().forEach(m -> reach(m.getSchema(), schemas, used));
                    }
                });
            }
        }));
        reach(schemas.get("Problem"), schemas, used);
        new TreeSet<>(schemas.keySet()).stream().filter(name -> !used.contains(name))
                .forEach(openAPI.getComponents()::removeSchema);
        if (openAPI.getComponents().getParameters() != null) {
            new TreeSet<>(openAPI.getComponents().getParameters().keySet()).stream()
                    .filter(name -> !parameters.contains(name)).forEach(openAPI.getComponents()::removeParameter);
        }
    }

    private static void operation(String service, String path, PathItem.HttpMethod method, Operation operation,
            Map<String, List<String>> rolesByOperation) {
        List<String> roles = rolesByOperation.get(operation.getOperationId());
        boolean ifMatchRequired = operation.getExtensions() != null
                && operation.getExtensions().containsKey("x-if-match-required");
        if (ifMatchRequired) {
            operation.removeExtension("x-if-match-required");
        }
        if ("getMe".equals(operation.getOperationId())) {
            // one /me resource per service, but operation ids are unique across the three contracts
            operation.setOperationId("getMeOn" + pascal(service));
        }
        boolean hasBody = operation.getRequestBody() != null;
        boolean idempotencyKey = false;
        boolean ifMatch = false;
        if (operation.getParameters() != null) {
            List<Parameter> parameters = new ArrayList<>();
            for (Parameter p : operation.getParameters()) {
                if (p.getIn() == Parameter.In.HEADER && Idempotency.HEADER.equals(p.getName())) {
                    parameters.add(OASFactory.createParameter().ref("IdempotencyKey"));
                    idempotencyKey = true;
                } else if (p.getIn() == Parameter.In.HEADER && ETags.IF_MATCH.equals(p.getName())) {
                    parameters.add(OASFactory.createParameter().ref(ifMatchRequired ? "IfMatchRequired" : "IfMatch"));
                    ifMatch = true;
                } else if (describeSort(operation, p)) {
                    parameters.add(p);
                }
            }
            operation.setParameters(parameters);
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean secured = roles != null && !roles.isEmpty();
        boolean replayable = idempotencyKey;
        problem(responses, "400", "Invalid input: malformed JSON, unknown fields, failed validation or unreadable parameters");
        if (secured) {
            problem(responses, "401", "No valid bearer token");
            header(responses.getAPIResponse("401"), "WWW-Authenticate", "Bearer");
            problem(responses, "403", "The token's role or claims do not allow this operation");
        }
        if (path.contains("{") || hasBody) {
            problem(responses, "404", "No such resource (also one the caller may not see), or an id in the body that does not exist");
        }
        if (method == PathItem.HttpMethod.DELETE) {
            problem(responses, "409", "The resource is still in use or its state does not allow the change");
        }
        if (hasBody) {
            problem(responses, "413", "The request body is too large");
            problem(responses, "415", "The request body's Content-Type is not accepted here");
        }
        if (idempotencyKey) {
            problem(responses, "422", "The Idempotency-Key was used for another request");
        }
        if (ifMatch) {
            problem(responses, "412", "The resource changed since it was read (If-Match does not match its ETag)");
        }
        if (ifMatchRequired) {
            problem(responses, "428", "If-Match is required here and was not sent");
        }
        problem(responses, "500", "Unexpected failure; details are only in the server log");
        problem(responses, "503", "A dependency (database, vault or another service) cannot serve now; retry after Retry-After");
        header(responses.getAPIResponse("503"), "Retry-After", "Seconds to wait before retrying");
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.equals("201")) {
                header(response, "Location", "The URL of the created resource");
            }
            if (status.equals("202")) {
                header(response, "Location", "The URL of the status to follow");
            }
            if (replayable && status.startsWith("2")) {
                header(response, Idempotency.REPLAYED, "true when this is the stored answer to an earlier request "
                        + "with the same Idempotency-Key");
            }
            if ((status.equals("200") || status.equals("201")) && singleResource(response)) {
                header(response, "ETag", "Entity tag of this representation; send it as If-Match to change the resource");
            }
            if (status.startsWith("4") || status.startsWith("5")) {
                if (status.equals("429")) {
                    header(response, "Retry-After", "Seconds to wait before retrying");
                }
            }
        });
        // what remains undocumented among the errors still gets the one Problem body
        APIResponses all = responses;
        all.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                problem(all, status, response.getDescription());
            }
        });
        if (roles == null || roles.isEmpty()) {
            operation.setSecurity(List.of());
        } else {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SECURITY_SCHEME)));
        }
        operation.addExtension("x-roles", roles == null ? List.of() : roles);
    }

    /**
     * Names the sort fields of a list on its {@code sort} parameter; a list with a fixed order has no sort parameter
     * in the contract (and refuses one with 400). False when the parameter is to be left out.
     */
    private static boolean describeSort(Operation operation, Parameter p) {
        if (p.getIn() != Parameter.In.QUERY || !"sort".equals(p.getName())) {
            return true;
        }
        Object fields = operation.getExtensions() == null ? null : operation.getExtensions().get("x-sort-fields");
        if (fields == null) {
            return false;
        }
        p.setDescription("Comma-separated sort fields, each optionally prefixed with '-' for descending. "
                + "This list sorts by: " + fields + ".");
        p.addExtension("x-sort-fields", List.of(fields.toString().split(",\\s*")));
        return true;
    }

    private static boolean singleResource(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaType("application/json") == null) {
            return false;
        }
        Schema schema = response.getContent().getMediaType("application/json").getSchema();
        return schema != null && schema.getRef() != null && !schema.getRef().endsWith("Page");
    }

    private static void problem(APIResponses responses, String status, String description) {
        APIResponse existing = responses.getAPIResponse(status);
        Content content = OASFactory.createContent().addMediaType(ProblemMappers.PROBLEM_JSON,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
        if (existing == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(content));
        } else if (existing.getContent() == null || existing.getContent().getMediaTypes().isEmpty()) {
            existing.setContent(content);
            if (existing.getDescription() == null || existing.getDescription().startsWith("Not ")) {
                existing.setDescription(description);
            }
        }
    }

    private static void header(APIResponse response, String name, String description) {
        if (response == null || response.getHeaders() != null && response.getHeaders().containsKey(name)) {
            return;
        }
        response.addHeader(name, OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
    }

    /** Lists every problem type on the Problem schema, so a client knows what it may meet. */
    private static void describeProblem(Components components) {
        Schema problem = components.getSchemas() == null ? null : components.getSchemas().get("Problem");
        if (problem == null) {
            return;
        }
        List<Map<String, Object>> types = new ArrayList<>();
        for (ProblemType t : ProblemType.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", t.uri().toString());
            entry.put("status", t.status());
            entry.put("title", t.title());
            types.add(entry);
        }
        problem.addExtension("x-problem-types", types);
    }

    /** {@code PageOrderView} becomes {@code OrderPage}: the envelope is named after the schema of its items. */
    private static void renamePages(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Map<String, String> renamed = new TreeMap<>();
        for (Map.Entry<String, Schema> e : new TreeMap<>(schemas).entrySet()) {
            Schema items = e.getValue().getProperties() == null ? null : e.getValue().getProperties().get("items");
            if (e.getKey().startsWith("Page") && items != null && items.getItems() != null
                    && items.getItems().getRef() != null) {
                String itemName = items.getItems().getRef().substring(SCHEMAS.length());
                renamed.put(e.getKey(), itemName + "Page");
            }
        }
        renamed.forEach((from, to) -> {
            Schema page = schemas.get(from);
            openAPI.getComponents().removeSchema(from);
            page.setDescription("One page of " + to.substring(0, to.length() - 4) + " items, with the total count");
            openAPI.getComponents().addSchema(to, page);
        });
        replaceRefs(openAPI, ref -> {
            String name = ref.getRef() == null || !ref.getRef().startsWith(SCHEMAS) ? null
                    : ref.getRef().substring(SCHEMAS.length());
            if (name != null && renamed.containsKey(name)) {
                ref.setRef(SCHEMAS + renamed.get(name));
            }
        });
        sortSchemas(openAPI);
    }

    /** Instants, dates, times and UUIDs are written in place ({@code type: string, format: ...}), not referenced. */
    private static void inlineSimpleSchemas(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Map<String, Schema> inlined = new TreeMap<>();
        for (String name : INLINED) {
            if (schemas.containsKey(name)) {
                inlined.put(name, schemas.get(name));
            }
        }
        replaceRefs(openAPI, s -> {
            String name = s.getRef() == null || !s.getRef().startsWith(SCHEMAS) ? null
                    : s.getRef().substring(SCHEMAS.length());
            Schema target = name == null ? null : inlined.get(name);
            if (target != null) {
                s.setRef(null);
                s.setType(target.getType());
                s.setFormat(target.getFormat());
                s.setPattern(target.getPattern());
                if (s.getExamples() == null && target.getExamples() != null) {
                    s.setExamples(target.getExamples());
                }
            }
        });
        inlined.keySet().forEach(openAPI.getComponents()::removeSchema);
    }

    /**
     * Every property of a schema that only answers (never a request body) is required: a client can rely on it
     * being present, and on it being non-null unless it is marked nullable. A nullable reference becomes
     * {@code allOf} so that 3.0 clients see the nullability.
     */
    private static void requireResponseProperties(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> answers = new TreeSet<>();
        Set<String> requests = new TreeSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().getMediaTypes().values()
                        .forEach(m -> reach(m.getSchema(), schemas, requests));
            }
            if (op.getResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(r -> {
                    if (r.getContent() != null) {
                        r.getContent().getMediaTypes().values().forEach(m -> reach(m.getSchema(), schemas, answers));
                    }
                });
            }
        }));
        answers.removeAll(requests);
        for (String name : answers) {
            Schema schema = schemas.get(name);
            if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
                continue;
            }
            schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            schema.getProperties().values().forEach(property -> nullableReference(property, schemas));
        }
    }

    /**
     * One form for "this value or null": a plain type with {@code nullable: true}, or for a reference
     * {@code allOf: [$ref]} with {@code nullable: true}, instead of the {@code anyOf} with a null branch that the
     * generator writes for some types.
     */
    private static void nullableReference(Schema property, Map<String, Schema> schemas) {
        List<Schema> anyOf = property.getAnyOf();
        if (anyOf != null && anyOf.size() == 2 && anyOf.stream().anyMatch(ApiContract::nullOnly)) {
            Schema value = anyOf.stream().filter(s -> !nullOnly(s)).findFirst().orElseThrow();
            property.setAnyOf(null);
            property.setEnumeration(null);
            if (value.getRef() != null) {
                property.setType(null);
                property.setAllOf(List.of(OASFactory.createSchema().ref(value.getRef())));
            } else {
                List<Schema.SchemaType> types = new ArrayList<>(value.getType() == null ? List.of() : value.getType());
                types.add(Schema.SchemaType.NULL);
                property.setType(types);
                property.setFormat(value.getFormat());
                property.setPattern(value.getPattern());
                property.setExamples(value.getExamples());
            }
        }
        if (property.getRef() != null && property.getType() != null
                && property.getType().contains(Schema.SchemaType.NULL)) {
            String ref = property.getRef();
            property.setRef(null);
            property.setAllOf(List.of(OASFactory.createSchema().ref(ref)));
        }
        if (property.getAllOf() != null && property.getAllOf().size() == 1
                && property.getAllOf().get(0).getRef() != null) {
            // a nullable reference says the referenced type and null beside allOf (3.0: "type: x, nullable: true")
            Schema target = schemas.get(property.getAllOf().get(0).getRef().substring(SCHEMAS.length()));
            List<Schema.SchemaType> types = new ArrayList<>(target == null || target.getType() == null
                    ? List.of(Schema.SchemaType.OBJECT) : target.getType());
            types.add(Schema.SchemaType.NULL);
            property.setType(types);
            property.setEnumeration(null);
        }
    }

    private static boolean nullOnly(Schema s) {
        return s.getType() != null && s.getType().equals(List.of(Schema.SchemaType.NULL))
                || s.getEnumeration() != null && s.getEnumeration().size() == 1 && s.getEnumeration().get(0) == null;
    }

    private static void reach(Schema schema, Map<String, Schema> schemas, Set<String> seen) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
            String name = schema.getRef().substring(SCHEMAS.length());
            if (seen.add(name) && schemas.containsKey(name)) {
                reach(schemas.get(name), schemas, seen);
            }
            return;
        }
        reach(schema.getItems(), schemas, seen);
        for (List<Schema> group : List.of(nullToEmpty(schema.getAllOf()), nullToEmpty(schema.getAnyOf()),
                nullToEmpty(schema.getOneOf()))) {
            group.forEach(s -> reach(s, schemas, seen));
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> reach(s, schemas, seen));
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            reach(schema.getAdditionalPropertiesSchema(), schemas, seen);
        }
    }

    private static List<Schema> nullToEmpty(List<Schema> list) {
        return list == null ? List.of() : list;
    }

    /** Visits every schema object of the document that may hold a reference. */
    private static void replaceRefs(OpenAPI openAPI, Consumer<Schema> visit) {
        List<Schema> roots = new ArrayList<>();
        if (openAPI.getComponents().getSchemas() != null) {
            roots.addAll(openAPI.getComponents().getSchemas().values());
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getParameters() != null) {
                op.getParameters().forEach(p -> roots.add(p.getSchema()));
            }
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().getMediaTypes().values().forEach(m -> roots.add(m.getSchema()));
            }
            if (op.getResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(r -> {
                    if (r.getContent() != null) {
                        r.getContent().getMediaTypes().values().forEach(m -> roots.add(m.getSchema()));
                    }
                });
            }
        }));
        Set<Schema> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        roots.forEach(s -> walk(s, visit, done));
    }

    private static void walk(Schema schema, Consumer<Schema> visit, Set<Schema> done) {
        if (schema == null || !done.add(schema)) {
            return;
        }
        visit.accept(schema);
        walk(schema.getItems(), visit, done);
        walk(schema.getAdditionalPropertiesSchema(), visit, done);
        for (List<Schema> group : new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
            if (group != null) {
                group.forEach(s -> walk(s, visit, done));
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> walk(s, visit, done));
        }
    }

    private static void sortSchemas(OpenAPI openAPI) {
        Map<String, Schema> sorted = new TreeMap<>(openAPI.getComponents().getSchemas());
        openAPI.getComponents().setSchemas(new LinkedHashMap<>(sorted));
    }

    private static String pascal(String service) {
        StringBuilder out = new StringBuilder();
        for (String part : service.replace("-service", "").split("-")) {
            out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return out.toString();
    }
}
