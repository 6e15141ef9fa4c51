package io.certdesk.order.document;

import static io.certdesk.order.Fixtures.customer;
import static io.certdesk.order.Fixtures.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.order.Fixtures;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.certdesk.order.platform.Roles;
import io.certdesk.order.platform.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Document files: content-checked, size-limited, stored and downloadable by the order's customer only. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class DocumentResourceTest {

    private static Fixtures.Created collecting() {
        Fixtures.Created o = Fixtures.newOrder("OV", true, null);
        Fixtures.advance(o, "OV", "DOCUMENTS_PENDING");
        return o;
    }

    @Test
    void uploadIsStoredAndDownloadedByteForByte() {
        Fixtures.Created o = collecting();
        byte[] jpeg = new byte[2048];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        Arrays.fill(jpeg, 3, jpeg.length, (byte) 7);
        customer(o.customerId()).contentType("image/jpeg").body(jpeg).queryParam("fileName", "inkan.jpg")
                .put("/orders/{id}/documents/SEAL_CERTIFICATE/file", o.orderId()).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("sizeBytes", equalTo(2048))
                .body("fileName", equalTo("inkan.jpg"));
        byte[] back = customer(o.customerId()).accept("*/*")
                .get("/orders/{id}/documents/SEAL_CERTIFICATE/file", o.orderId()).then().statusCode(200)
                .contentType("image/jpeg").header("Content-Disposition", containsString("inkan.jpg"))
                .extract().asByteArray();
        assertArrayEquals(jpeg, back);
        customer("C-999998").get("/orders/{id}/documents/SEAL_CERTIFICATE/file", o.orderId()).then().statusCode(404);
        customer("C-999998").contentType("application/pdf").body(Fixtures.PDF)
                .put("/orders/{id}/documents/SEAL_CERTIFICATE/file", o.orderId()).then().statusCode(404);
        // accepted documents are final
        staff().post("/orders/{id}/documents/SEAL_CERTIFICATE/accept", o.orderId()).then().statusCode(200);
        customer(o.customerId()).contentType("application/pdf").body(Fixtures.PDF)
                .put("/orders/{id}/documents/SEAL_CERTIFICATE/file", o.orderId()).then().statusCode(409);
        // customers cannot review their own papers
        customer(o.customerId()).contentType("application/pdf").body(Fixtures.PDF)
                .put("/orders/{id}/documents/APPLICATION_FORM/file", o.orderId()).then().statusCode(200);
        customer(o.customerId()).post("/orders/{id}/documents/APPLICATION_FORM/accept", o.orderId())
                .then().statusCode(403);
    }

    @Test
    void aFileKeepsOnlyASafeBaseNameAndComesBackUnderIt() {
        Fixtures.Created o = collecting();
        String[][] names = {
            {"../../etc/passwd", "passwd"},
            {"C:\\Users\\tanaka\\登記簿謄本.pdf", "登記簿謄本.pdf"},
            {"..", null},
            {"  .hidden.pdf ", "hidden.pdf"},
            {"a\"b<c>:d?.pdf", "a_b_c__d_.pdf"},
            {"x\u200b\u202eyy.pdf", "xyy.pdf"},
        };
        for (String[] n : names) {
            String stored = customer(o.customerId()).contentType("application/pdf").body(Fixtures.PDF)
                    .queryParam("fileName", n[0]).put("/orders/{id}/documents/APPLICATION_FORM/file", o.orderId())
                    .then().statusCode(200).extract().path("fileName");
            if (n[1] == null) {
                assertTrue(!stored.contains("..") && !stored.contains("/"), stored);
            } else {
                assertEquals(n[1], stored, n[0]);
            }
        }
        customer(o.customerId()).contentType("application/pdf").body(Fixtures.PDF)
                .queryParam("fileName", "/tmp/申込書 \"最終\".pdf").put("/orders/{id}/documents/APPLICATION_FORM/file", o.orderId())
                .then().statusCode(200).body("fileName", equalTo("申込書 _最終_.pdf"));
        String disposition = customer(o.customerId()).accept("*/*")
                .get("/orders/{id}/documents/APPLICATION_FORM/file", o.orderId()).then().statusCode(200)
                .extract().header("Content-Disposition");
        assertEquals("attachment; filename=\"___ ____.pdf\"; filename*=UTF-8''%E7%94%B3%E8%BE%BC%E6%9B%B8%20_%E6%9C%80%E7%B5%82_.pdf",
                disposition);
    }

    @Test
    void contentThatIsNotWhatItClaimsIsRefused() {
        Fixtures.Created o = collecting();
        byte[] exe = "MZ\u0090\u0000 this is not a pdf".getBytes(StandardCharsets.ISO_8859_1);
        staff().contentType("application/pdf").body(exe)
                .put("/orders/{id}/documents/APPLICATION_FORM/file", o.orderId()).then().statusCode(415)
                .contentType("application/problem+json").body("detail", containsString("not a PDF, JPEG or PNG"));
        staff().contentType("image/png").body(Fixtures.PDF)
                .put("/orders/{id}/documents/APPLICATION_FORM/file", o.orderId()).then().statusCode(415)
                .body("detail", containsString("application/pdf"));
        staff().contentType("text/plain").body("hello")
                .put("/orders/{id}/documents/APPLICATION_FORM/file", o.orderId()).then().statusCode(415);
        staff().contentType("application/pdf").body(new byte[0])
                .put("/orders/{id}/documents/APPLICATION_FORM/file", o.orderId()).then().statusCode(400);
        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(Fixtures.PDF, 0, huge, 0, Fixtures.PDF.length);
        staff().contentType("application/pdf").body(huge)
                .put("/orders/{id}/documents/APPLICATION_FORM/file", o.orderId()).then().statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("limit"));
        // Chunked, without a Content-Length: only the service's own check after reading can refuse it.
        String chunked = raw(o.orderId(), "Transfer-Encoding: chunked", huge);
        assertTrue(chunked.startsWith("HTTP/1.1 400"), chunked);
        assertTrue(chunked.contains("the limit is 5242880 bytes"), chunked);
        staff().get("/orders/{id}/documents", o.orderId()).then()
                .body("items.find { it.kind == 'APPLICATION_FORM' }.status", equalTo("REQUIRED"));
        staff().contentType("application/pdf").body(Fixtures.PDF)
                .put("/orders/{id}/documents/NOT_A_KIND/file", o.orderId()).then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("kind"));
    }

    @Test
    void documentsAreHandledOnlyWhileCollectingAndRejectNeedsAReason() {
        Fixtures.Created o = Fixtures.newOrder("OV", true, null);
        Fixtures.command(o.orderId(), "contract");
        staff().contentType("application/pdf").body(Fixtures.PDF)
                .put("/orders/{id}/documents/APPLICATION_FORM/file", o.orderId()).then().statusCode(409)
                .body("detail", containsString("CONTRACTED"));
        Fixtures.Created c = collecting();
        staff().contentType("application/pdf").body(Fixtures.PDF)
                .put("/orders/{id}/documents/APPLICATION_FORM/file", c.orderId()).then().statusCode(200);
        staff().body(Map.of("reason", " ")).post("/orders/{id}/documents/APPLICATION_FORM/reject", c.orderId())
                .then().statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem("reason"));
        staff().post("/orders/{id}/documents/REGISTRY_TRANSCRIPT/accept", c.orderId()).then().statusCode(409)
                .body("detail", containsString("REQUIRED"));
        // the customer was told which papers to send and where, and is told what was wrong with one
        var requested = io.certdesk.order.notice.Outboxes.of(c.orderId(), io.certdesk.order.notice.NoticeKind.DOCUMENTS_REQUESTED);
        org.junit.jupiter.api.Assertions.assertEquals(1, requested.size());
        org.junit.jupiter.api.Assertions.assertTrue(requested.get(0).body.contains("印鑑証明書")
                && requested.get(0).body.contains("履歴事項全部証明書") && requested.get(0).body.contains("東京都千代田区"),
                requested.get(0).body);
        staff().body(Map.of("reason", "ご捺印が不鮮明です")).post("/orders/{id}/documents/APPLICATION_FORM/reject", c.orderId())
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        var rejected = io.certdesk.order.notice.Outboxes.of(c.orderId(), io.certdesk.order.notice.NoticeKind.DOCUMENT_REJECTED);
        org.junit.jupiter.api.Assertions.assertEquals(1, rejected.size());
        org.junit.jupiter.api.Assertions.assertTrue(rejected.get(0).body.contains("ご捺印が不鮮明です")
                && rejected.get(0).body.contains("契約申込書"), rejected.get(0).body);
    }

    /**
     * A staff PUT of the order's APPLICATION_FORM written on a plain socket: {@code header} and then {@code body}
     * (sent in 64 KiB chunks when the header is chunked; none at all when null); answers the raw response.
     */
    private static String raw(long orderId, String header, byte[] body) {
        String head = "PUT /orders/" + orderId + "/documents/APPLICATION_FORM/file HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + TestTokens.token(Roles.STAFF) + "\r\n"
                + "Content-Type: application/pdf\r\n" + header + "\r\n\r\n";
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                for (int at = 0; at < body.length; at += 65_536) {
                    int n = Math.min(65_536, body.length - at);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, at, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            StringBuilder text = new StringBuilder();
            int n;
            while (!text.toString().contains("}") && (n = in.read(buffer)) > 0) {
                text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            return text.toString();
        } catch (IOException e) {
            throw new AssertionError("no answer to the upload of order " + orderId + ": " + e, e);
        }
    }

    @Test
    void anUploadDeclaringMoreThanTheLimitIsRefusedBeforeItsBodyIsRead() {
        Fixtures.Created o = collecting();
        // Only the headers are sent: the 413 must come without the server waiting for (or buffering) the body.
        // One byte over the document limit, well under the HTTP layer's own body limit.
        String answer = raw(o.orderId(), "Content-Length: 5242881", null);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("https://certdesk.io/problems/payload-too-large"), answer);
        assertTrue(answer.contains("the limit is 5242880 bytes"), answer);
        staff().get("/orders/{id}/documents", o.orderId()).then()
                .body("items.find { it.kind == 'APPLICATION_FORM' }.status", equalTo("REQUIRED"));
    }

    @Test
    void theHttpBodyLimitCoversTheDocumentLimitWithHeadroom() {
        var config = ConfigProvider.getConfig();
        long documents = config.getValue("certdesk.workflow.max-document-bytes", Long.class);
        String http = config.getValue("quarkus.http.limits.max-body-size", String.class);
        assertEquals("6M", http, "the HTTP body limit must stay just above the document limit");
        assertTrue(6L * 1024 * 1024 > documents);
    }
}
