package io.certdesk.binding.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One corpus of hostile input, run unchanged against each service (this file is a platform copy): the same bad
 * request gets the same answer everywhere and changes nothing. Each service names in
 * {@code hostile-input-targets.json} the endpoints to aim at and which of their fields is a text, an enum, a whole
 * number or a date; the cases and the answers expected are all here.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "@@value@@";
    private static final String VALIDATION = ProblemType.VALIDATION.uri().toString();
    private static final String MALFORMED = ProblemType.MALFORMED_REQUEST.uri().toString();

    /** An endpoint under attack: where to POST, as whom, where its records are listed, and its typed fields. */
    record Target(String path, String role, String list, ObjectNode body, String text, String enumField,
            String integer, String date) {

        static List<Target> all() {
            try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile-input-targets.json")) {
                List<Target> targets = new ArrayList<>();
                for (JsonNode t : JSON.readTree(in)) {
                    targets.add(new Target(t.get("path").asText(), t.get("role").asText(), t.get("list").asText(),
                            (ObjectNode) t.get("body"), text(t, "text"), text(t, "enum"), text(t, "integer"),
                            text(t, "date")));
                }
                return targets;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String text(JsonNode node, String field) {
            return node.hasNonNull(field) ? node.get(field).asText() : null;
        }

        /** The body with {@code field} (dotted for nested fields) set to the raw JSON {@code value}. */
        String with(String field, String rawValue) {
            ObjectNode copy = body.deepCopy();
            ObjectNode parent = copy;
            String[] path = field.split("\\.");
            for (int i = 0; i < path.length - 1; i++) {
                parent = parent.withObject("/" + path[i]);
            }
            parent.put(path[path.length - 1], MARK);
            return copy.toString().replace("\"" + MARK + "\"", rawValue);
        }

        long total() {
            return given().auth().oauth2(TestTokens.token(role)).get(list).then().statusCode(200).extract()
                    .jsonPath().getLong("total");
        }

        Response post(String body) {
            return given().auth().oauth2(TestTokens.token(role)).contentType(ContentType.JSON).body(body).post(path);
        }

        @Override
        public String toString() {
            return path;
        }
    }

    static Stream<Arguments> fieldCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Target t : Target.all()) {
            if (t.text() != null) {
                for (String bad : List.of("\"a\\u0000b\"", "\"a\\u0007b\"", "\"\\u001b[31mred\"", "\"a\\u007fb\"",
                        "\"a\\u0085b\"", "\"\\ud800x\"", "\"x\\udc00\"", "\"\\u200b\\u200b\"", "\"\\u3164\"",
                        "\"\\ufeff \\u200d\"", "\"a\\uffffb\"")) {
                    cases.add(Arguments.of(t, t.text(), bad));
                }
            }
            if (t.enumField() != null) {
                for (String bad : List.of("1", "true", "\"NO_SUCH_VALUE\"", "{}")) {
                    cases.add(Arguments.of(t, t.enumField(), bad));
                }
            }
            if (t.integer() != null) {
                for (String bad : List.of("\"1\"", "1.5", "1e3", "99999999999999999999", "true", "\"\\u0000\"")) {
                    cases.add(Arguments.of(t, t.integer(), bad));
                }
            }
            if (t.date() != null) {
                for (String bad : List.of("\"1999-12-31T23:59:59Z\"", "\"2200-01-01T00:00:00Z\"", "\"0000-01-01T00:00:00Z\"",
                        "\"+275760-09-13T00:00:00Z\"", "\"yesterday\"", "20261201")) {
                    cases.add(Arguments.of(t, t.date(), bad));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("fieldCases")
    void aBadValueIs400NamingItsFieldAndStoresNothing(Target target, String field, String rawValue) {
        long before = target.total();
        target.post(target.with(field, rawValue)).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(VALIDATION)).body("violations.field", hasItem(field));
        assertEquals(before, target.total(), "a refused request stored something");
    }

    static Stream<Arguments> bodyCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Target t : Target.all()) {
            String body = t.body().toString();
            String first = t.body().fieldNames().next();
            String duplicated = "{\"" + first + "\":" + t.body().get(first) + "," + body.substring(1);
            cases.add(Arguments.of(t, "a field given twice", duplicated, MALFORMED, "The request body names a field twice"));
            cases.add(Arguments.of(t, "an unfinished document", body.substring(0, body.length() - 1), MALFORMED,
                    "The request body is not valid JSON"));
            cases.add(Arguments.of(t, "a second document", body + " {}", MALFORMED, "The request body is not valid JSON"));
            cases.add(Arguments.of(t, "an array", "[" + body + "]", MALFORMED, "must be a JSON object"));
            cases.add(Arguments.of(t, "a bare string", "\"x\"", MALFORMED, "must be a JSON object"));
            cases.add(Arguments.of(t, "an unknown field",
                    "{\"surprise\":1," + body.substring(1), VALIDATION, "surprise: is not a known field"));
            cases.add(Arguments.of(t, "a comment", "/* hi */" + body, MALFORMED, "The request body is not valid JSON"));
            cases.add(Arguments.of(t, "single quotes", body.replace('"', '\''), MALFORMED, "The request body is not valid JSON"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("bodyCases")
    void aBodyThatIsNotExactlyJsonIs400AndStoresNothing(Target target, String what, String body, String type,
            String detail) {
        long before = target.total();
        var answer = target.post(body).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(type));
        if (detail != null) {
            answer.body("detail", containsString(detail));
        }
        assertEquals(before, target.total(), "a refused request stored something");
    }

    @Test
    void aBodyOfAnotherMediaTypeIs415() {
        for (Target t : Target.all()) {
            long before = t.total();
            for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
                given().auth().oauth2(TestTokens.token(t.role())).contentType(type).body(t.body().toString()).post(t.path())
                        .then().statusCode(415).contentType("application/problem+json")
                        .body("type", equalTo(ProblemType.UNSUPPORTED_MEDIA_TYPE.uri().toString()));
            }
            String body = t.body().toString();
            Raw raw = raw("POST " + t.path() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TestTokens.token(t.role()) + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                    + "\r\nConnection: close\r\n\r\n" + body);
            assertEquals(415, raw.status(), t + " without Content-Type: " + raw);
            assertTrue(raw.isProblem(), raw.toString());
            assertEquals(before, t.total(), "a refused request stored something");
        }
    }

    static Stream<Arguments> queryCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Target t : Target.all()) {
            String sep = t.list().contains("?") ? "&" : "?";
            cases.add(Arguments.of(t.list() + sep + "page=abc", "page"));
            cases.add(Arguments.of(t.list() + sep + "page=2147483647", "page"));
            cases.add(Arguments.of(t.list() + sep + "page=99999999999999", "page"));
            cases.add(Arguments.of(t.list() + sep + "page=-1", "page"));
            cases.add(Arguments.of(t.list() + sep + "size=0", "size"));
            cases.add(Arguments.of(t.list() + sep + "size=100000", "size"));
            cases.add(Arguments.of(t.list() + sep + "page=%00", "page"));
            cases.add(Arguments.of(t.list() + sep + "sort=%00", "sort"));
            cases.add(Arguments.of(t.list() + sep + "sort=no_such_field", "sort"));
            cases.add(Arguments.of(t.list() + sep + "x%00=1", "query"));
            cases.add(Arguments.of(t.list() + "/%00", "path"));
            cases.add(Arguments.of(t.list() + "/a%1Bb", "path"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queryCases")
    void aBadPathOrQueryIs400NamingTheParameter(String uri, String parameter) {
        String role = Target.all().stream().filter(t -> uri.startsWith(t.list().split("\\?")[0])).findFirst()
                .orElseThrow().role();
        given().auth().oauth2(TestTokens.token(role)).urlEncodingEnabled(false).get(uri).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo(VALIDATION))
                .body("violations.field", hasItem(parameter));
    }

    @Test
    void theLimitsOfTheHttpLayerAreProblemsToo() {
        Target t = Target.all().get(0);
        String token = TestTokens.token(t.role());
        long before = t.total();

        Raw tooLarge = raw("POST " + t.path() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\nConnection: close\r\n\r\n{");
        assertEquals(413, tooLarge.status(), tooLarge.toString());
        assertTrue(tooLarge.isProblem() && tooLarge.body().contains(ProblemType.PAYLOAD_TOO_LARGE.uri().toString()),
                tooLarge.toString());

        Raw longUri = raw("GET " + t.list() + (t.list().contains("?") ? "&" : "?") + "q=" + "a".repeat(9000)
                + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n");
        assertEquals(414, longUri.status(), longUri.toString());
        assertTrue(longUri.isProblem() && longUri.body().contains(ProblemType.URI_TOO_LONG.uri().toString()),
                longUri.toString());

        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            headers.append("X-Filler-").append(i).append(": ").append("b".repeat(1000)).append("\r\n");
        }
        Raw bigHeaders = raw("GET " + t.list() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\n" + headers + "Connection: close\r\n\r\n");
        assertEquals(431, bigHeaders.status(), bigHeaders.toString());
        assertTrue(bigHeaders.isProblem() && bigHeaders.body().contains(ProblemType.HEADERS_TOO_LARGE.uri().toString()),
                bigHeaders.toString());

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"x\":\"" + "y".repeat(12 * 1024 * 1024) + "\"}")
                .post(t.path()).then().statusCode(413).contentType("application/problem+json");
        assertEquals(before, t.total(), "a refused request stored something");
    }

    /** The answer to a request written byte for byte, for what an HTTP client library would not send. */
    record Raw(int status, Map<String, String> headers, String body) {
        boolean isProblem() {
            return headers.getOrDefault("content-type", "").startsWith("application/problem+json");
        }
    }

    /** Sends {@code request} and reads one answer: its head, then as many body bytes as its Content-Length says. */
    private static Raw raw(String request) {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            Map<String, String> headers = new java.util.TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
                            lines[i].substring(colon + 1).strip());
                }
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
