package io.certdesk.order;

import static io.certdesk.order.platform.TestTokens.as;
import static io.restassured.RestAssured.given;

import io.certdesk.order.peers.Peer;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.Roles;
import io.certdesk.order.platform.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds customers, products, quotes and orders through the API, as a staff member would, with servers registered
 * in the real binding-service the tests run beside (see {@link PeerServices}).
 */
public final class Fixtures {

    private static final AtomicInteger SERVERS = new AtomicInteger();

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** A minimal PDF header: enough for the magic-byte check, which is all the service reads. */
    public static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static RequestSpecification staff() {
        return as(Roles.STAFF).contentType(ContentType.JSON);
    }

    /** A staff request to the running {@code peer} (keystore-service or binding-service). */
    public static RequestSpecification staffAt(Peer peer) {
        return as(Roles.STAFF).baseUri(peer.url()).contentType(ContentType.JSON);
    }

    /**
     * Registers a server of {@code customerId} in binding-service, on a loopback address nothing listens on (a probe
     * is refused at once) unless {@code primaryIp} is given; returns its id.
     */
    public static String server(String customerId, String primaryIp, String masterDomain) {
        int n = SERVERS.incrementAndGet();
        String ip = primaryIp != null ? primaryIp
                : "127.200." + (ProcessHandle.current().pid() % 200) + "." + (n % 250 + 1);
        Map<String, Object> body = new HashMap<>();
        body.put("hostname", "ds" + n + "-" + UUID.randomUUID().toString().substring(0, 6) + ".hosting.example.jp");
        body.put("customerId", customerId);
        body.put("masterDomain", masterDomain != null ? masterDomain : domain());
        body.put("primaryIp", ip);
        body.put("plan", Map.of("code", "DEDICATED-TEST", "additionalIpLimit", 2));
        return staffAt(Peer.BINDING).body(body).post("/servers").then().log().ifValidationFails().statusCode(201).extract().path("id");
    }

    public static String server(String customerId) {
        return server(customerId, null, null);
    }

    /** A customer token bound to {@code customerId}. */
    public static RequestSpecification customer(String customerId) {
        String token = TestTokens.claims().subject("user-of-" + customerId).groups(Roles.CUSTOMER)
                .claim("customer_id", customerId).expiresIn(Duration.ofMinutes(10)).sign();
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /**
     * PUT {@code body} to {@code path} the way a careful client does: read the resource's ETag first and send it as
     * If-Match. Returns the response for the caller's assertions.
     */
    public static io.restassured.response.Response replace(String path, Object body, Object... pathParams) {
        String etag = staff().get(path, pathParams).then().statusCode(200).extract().header("ETag");
        return staff().header("If-Match", etag).body(body).put(path, pathParams);
    }

    public static Map<String, Object> customerBody(boolean listed, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationName", "株式会社テスト");
        body.put("organisationKana", "カブシキガイシャテスト");
        body.put("postalCode", "100-0001");
        body.put("address", "東京都千代田区千代田1-1");
        body.put("representativeName", "代表 太郎");
        body.put("representativeTitle", "代表取締役");
        body.put("listed", listed);
        body.put("noticeEmail", email);
        body.put("callHoursFrom", "10:00");
        body.put("callHoursTo", "17:00");
        body.put("certificateSubject", Map.of("organization", "Test Co., Ltd.", "locality", "Chiyoda-ku",
                "state", "Tokyo", "country", "JP"));
        body.put("contacts", List.of(
                Map.of("name", "代表 太郎", "phone", "03-1234-5678", "email", "rep@example.co.jp",
                        "authorisedForCaCall", true, "representative", true),
                Map.of("name", "担当 花子", "phone", "03-1234-5679", "email", "it@example.co.jp",
                        "authorisedForCaCall", true, "representative", false),
                Map.of("name", "経理 次郎", "phone", "03-1234-5670", "email", "acc@example.co.jp",
                        "authorisedForCaCall", false, "representative", false)));
        return body;
    }

    /** A customer with three contacts: the representative, an authorised IT contact, an unauthorised one. */
    public static JsonPath createCustomer(boolean listed) {
        String email = unique("notice").toLowerCase() + "@example.co.jp";
        return staff().body(customerBody(listed, email)).post("/customers").then().statusCode(201).extract().jsonPath();
    }

    /** A product signed by keystore's LOCAL development CA (the tests' default issuer). */
    public static String createProduct(String level, long applicationFeeJpy) {
        return createProduct(level, applicationFeeJpy, "LOCAL");
    }

    /**
     * A product of {@code issuer}: LOCAL issues at once; MANUAL waits for staff to upload the CA's file; ACME is not
     * configured on the test keystore, so its application parks (an order that stays at CSR_READY).
     */
    public static String createProduct(String level, long applicationFeeJpy, String issuer) {
        String code = unique(level);
        staff().body(Map.of("code", code, "name", "Test " + level + " 1 year", "caBrand", "TestCA",
                        "validationLevel", level, "validityMonths", 12, "applicationFeeJpy", applicationFeeJpy,
                        "issuer", issuer))
                .post("/products").then().statusCode(201);
        return code;
    }

    /** A quote for a new server of the customer in binding-service. */
    public static JsonPath quote(String customerId, String productCode, String type, String domain) {
        return quote(customerId, productCode, type, domain, server(customerId));
    }

    public static JsonPath quote(String customerId, String productCode, String type, String domain, String serverId) {
        return staff().body(Map.of("customerId", customerId, "productCode", productCode, "type", type,
                "domain", domain, "serverId", serverId)).post("/quotes").then().statusCode(201).extract().jsonPath();
    }

    /** A certificate id (the keystore's UUID form) that is the same for the same order in every call. */
    public static String certificateId(long orderId) {
        return UUID.nameUUIDFromBytes(("certificate of order " + orderId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String domain() {
        return "www." + UUID.randomUUID().toString().substring(0, 8) + ".co.jp";
    }

    /** A new order (state QUOTED) for a fresh customer and LOCAL-issued product of {@code level}. */
    public static Created newOrder(String level, boolean listed, LocalDate launchDate) {
        return newOrder(level, listed, launchDate, "LOCAL");
    }

    /** A new order (state QUOTED) for a fresh customer, server and product of {@code level} and {@code issuer}. */
    public static Created newOrder(String level, boolean listed, LocalDate launchDate, String issuer) {
        JsonPath customer = createCustomer(listed);
        String customerId = customer.getString("id");
        String product = createProduct(level, 38_500, issuer);
        String serverId = server(customerId);
        String domain = domain();
        String quoteId = quote(customerId, product, "NEW", domain, serverId).getString("id");
        customer(customerId).post("/quotes/{id}/accept", quoteId).then().statusCode(200);
        Map<String, Object> body = new HashMap<>();
        body.put("quoteId", quoteId);
        if (launchDate != null) {
            body.put("launchDate", launchDate.toString());
        }
        long orderId = staff().body(body).post("/orders").then().statusCode(201).extract().jsonPath().getLong("id");
        return new Created(orderId, customerId, customer, serverId, domain);
    }

    /** What {@link #newOrder} made. */
    public record Created(long orderId, String customerId, JsonPath customer, String serverId, String domain) {
        public String contactId(int index) {
            return customer.getString("contacts[" + index + "].id");
        }
    }

    public static JsonPath command(long orderId, String command) {
        return staff().post("/orders/{id}/" + command, orderId).then().statusCode(200).extract().jsonPath();
    }

    public static void payInFull(long orderId) {
        JsonPath invoice = staff().get("/orders/{id}/invoice", orderId).then().statusCode(200).extract().jsonPath();
        pay(invoice.getLong("id"), invoice.getLong("balanceJpy"), unique("pay")).then().statusCode(201);
    }

    public static io.restassured.response.Response pay(long invoiceId, long amount, String key) {
        return pay(String.valueOf(invoiceId), amount, key);
    }

    public static io.restassured.response.Response pay(String invoiceId, long amount, String key) {
        return pay(Long.parseLong(invoiceId), amount, key, Map.of());
    }

    /** A bank-transfer payment with further fields (e.g. the deducted transfer fee). */
    public static io.restassured.response.Response pay(long invoiceId, long amount, String key, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(Map.of("invoiceId", String.valueOf(invoiceId), "amountJpy", amount,
                "method", "BANK_TRANSFER", "reference", "振込 カ)テスト",
                "paidAt", OffsetDateTime.now(TOKYO).minusHours(1).toString()));
        body.putAll(more);
        return staff().header("Idempotency-Key", key).body(body).post("/payments");
    }

    public static void uploadAndAccept(long orderId, String kind) {
        staff().contentType("application/pdf").body(PDF).put("/orders/{id}/documents/{kind}/file", orderId, kind)
                .then().statusCode(200);
        staff().post("/orders/{id}/documents/{kind}/accept", orderId, kind).then().statusCode(200);
    }

    /** Tomorrow 14:00 in Tokyo: inside the fixtures' preferred call hours 10:00–17:00. */
    /** The service's default business calendar (national holidays, 年末年始). */
    public static io.certdesk.order.calendar.BusinessDays calendar() {
        return new io.certdesk.order.calendar.BusinessDays(List.of("12-29..01-03"), List.of());
    }

    /** The first business day after today (Asia/Tokyo), as the service's default calendar counts them. */
    public static LocalDate nextBusinessDay() {
        return calendar().onOrAfter(LocalDate.now(TOKYO).plusDays(1));
    }

    /** 14:00 on the next business day: inside the CA's hours and the test customers' preferred hours. */
    public static String slotTomorrowAfternoon() {
        return nextBusinessDay().atTime(14, 0).atZone(TOKYO).toOffsetDateTime().toString();
    }

    /** The order as staff read it now. */
    public static JsonPath order(long orderId) {
        return staff().get("/orders/{id}", orderId).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the order is in {@code state} (the orchestration moves it by itself). */
    public static JsonPath awaitState(long orderId, String state) {
        return Await.until("order " + orderId + " in " + state, () -> order(orderId),
                o -> state.equals(o.getString("state")));
    }

    /** Waits until the order is in {@code state} or beyond it on {@code path}. */
    private static JsonPath awaitReached(long orderId, String state, List<String> path) {
        return Await.until("order " + orderId + " at " + state + " or beyond", () -> order(orderId),
                o -> path.indexOf(o.getString("state")) >= path.indexOf(state));
    }

    /** Waits until the order's current step is {@code kind} and PARKED; returns the order. */
    public static JsonPath awaitParked(long orderId, String kind) {
        return Await.until("order " + orderId + " with " + kind + " parked", () -> order(orderId),
                o -> kind.equals(o.getString("currentStep.kind")) && "PARKED".equals(o.getString("currentStep.status")));
    }

    /**
     * Binds the order's domain on a server of another customer, so that placing it for the order is refused and
     * the order stays APPLYING with its PLACE_DOMAIN step parked.
     */
    public static void takeDomainElsewhere(Created o) {
        String other = server("C-" + (900_000 + SERVERS.incrementAndGet()));
        staffAt(Peer.BINDING).body(Map.of("domain", o.domain(), "strategy", "SNI"))
                .post("/servers/{id}/bindings", other).then().statusCode(201);
    }

    /**
     * Drives an order forward from its current state until it reaches {@code target}, the way staff would; the
     * orchestration takes the steps in between (key, CSR, application, certificate, placement) by itself. The states
     * it passes by itself are reached only where something stops it: APPLYING by a domain another customer's server
     * holds (arranged here), CSR_READY by an application keystore refuses (an ACME product, see
     * {@link #createProduct(String, long, String)}), SUBMITTED for DV by a MANUAL product or for OV/EV by the
     * documents; ISSUED by a web server that does not serve the certificate yet, INSTALLED by staff's override.
     */
    public static void advance(Created o, String level, String target) {
        boolean org = !"DV".equals(level);
        List<String> path = org
                ? List.of("QUOTED", "CONTRACTED", "INVOICED", "PAID", "APPLYING", "CSR_READY", "SUBMITTED",
                        "DOCUMENTS_PENDING", "PHONE_VERIFICATION", "ISSUED", "INSTALLED")
                : List.of("QUOTED", "CONTRACTED", "INVOICED", "PAID", "APPLYING", "CSR_READY", "SUBMITTED", "ISSUED",
                        "INSTALLED");
        if ("CANCELLED".equals(target)) {
            command(o.orderId(), "cancel");
            return;
        }
        long id = o.orderId();
        String current = order(id).getString("state");
        for (String state : path.subList(path.indexOf(current) + 1, path.indexOf(target) + 1)) {
            switch (state) {
                case "CONTRACTED" -> command(id, "contract");
                case "INVOICED" -> command(id, "invoice");
                case "PAID" -> payInFull(id);
                case "APPLYING" -> {
                    if ("APPLYING".equals(target)) {
                        takeDomainElsewhere(o);
                        command(id, "start-application");
                        awaitParked(id, "PLACE_DOMAIN");
                    } else {
                        command(id, "start-application");
                    }
                }
                case "CSR_READY" -> {
                    if ("CSR_READY".equals(target)) {
                        awaitParked(id, "SUBMIT_APPLICATION");
                    }
                }
                case "SUBMITTED" -> awaitReached(id, "SUBMITTED", path);
                case "DOCUMENTS_PENDING" -> command(id, "request-documents");
                case "PHONE_VERIFICATION" -> {
                    List<String> kinds = "EV".equals(level)
                            ? List.of("APPLICATION_FORM", "SEAL_CERTIFICATE", "REGISTRY_TRANSCRIPT", "ATTORNEY_OPINION")
                            : List.of("APPLICATION_FORM", "SEAL_CERTIFICATE", "REGISTRY_TRANSCRIPT");
                    kinds.forEach(k -> uploadAndAccept(id, k));
                    command(id, "accept-documents");
                }
                case "ISSUED" -> {
                    var call = staff().get("/orders/{id}/phone-verification", id);
                    boolean passed = call.statusCode() == 200 && "PASSED".equals(call.path("status"));
                    if (org && !passed) {
                        staff().body(Map.of("contactId", o.contactId(0), "slotStartsAt", slotTomorrowAfternoon()))
                                .post("/orders/{id}/phone-verification/slot", id).then().statusCode(200);
                        customer(o.customerId()).post("/orders/{id}/phone-verification/confirm", id)
                                .then().statusCode(200);
                        io.certdesk.order.phone.Calls.slotHasCome(id);
                        staff().body(Map.of("passed", true, "note", "代表者様にて確認完了"))
                                .post("/orders/{id}/phone-verified", id).then().statusCode(200);
                    }
                    awaitReached(id, "ISSUED", path);
                }
                case "INSTALLED" -> {
                    Await.until("order " + id + " waiting for its deployment", () -> order(id),
                            v -> "CONFIRM_DEPLOYMENT".equals(v.getString("currentStep.kind")));
                    staff().body(Map.of("reason", "Checked in a browser")).post("/orders/{id}/deployment-override", id)
                            .then().statusCode(200);
                }
                default -> throw new IllegalArgumentException(state);
            }
        }
    }
}
