package io.certdesk.order.document;

import static io.certdesk.order.Fixtures.customer;
import static io.certdesk.order.Fixtures.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.certdesk.order.Fixtures;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Document files: content-checked, size-limited, stored and downloadable by the order's customer only. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
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
        customer("C-other").get("/orders/{id}/documents/SEAL_CERTIFICATE/file", o.orderId()).then().statusCode(404);
        customer("C-other").contentType("application/pdf").body(Fixtures.PDF)
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
                .put("/orders/{id}/documents/APPLICATION_FORM/file", o.orderId()).then().statusCode(400)
                .body("detail", containsString("limit"));
        staff().get("/orders/{id}/documents", o.orderId()).then()
                .body("find { it.kind == 'APPLICATION_FORM' }.status", equalTo("REQUIRED"));
        staff().contentType("application/pdf").body(Fixtures.PDF)
                .put("/orders/{id}/documents/NOT_A_KIND/file", o.orderId()).then().statusCode(404);
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
    }
}
