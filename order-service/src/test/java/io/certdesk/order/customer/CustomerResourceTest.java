package io.certdesk.order.customer;

import static io.certdesk.order.Fixtures.customer;
import static io.certdesk.order.Fixtures.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import io.certdesk.order.Fixtures;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.certdesk.order.platform.Roles;
import io.certdesk.order.platform.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Customer CRUD by staff, and a customer token's view limited to its own record. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class CustomerResourceTest {

    @Test
    void staffCreatesReadsUpdatesAndDeletesCustomers() {
        JsonPath created = Fixtures.createCustomer(false);
        String id = created.getString("id");
        org.hamcrest.MatcherAssert.assertThat(id, matchesPattern("C-\\d+"));
        staff().get("/customers/{id}", id).then().statusCode(200)
                .body("organisationKana", equalTo("カブシキガイシャテスト"))
                .body("listed", equalTo(false))
                .body("callHoursFrom", equalTo("10:00:00"))
                .body("contacts", hasSize(3))
                .body("contacts.representative", equalTo(List.of(true, false, false)));
        staff().queryParam("size", 200).get("/customers").then().statusCode(200).body("items.id", hasItem(id));

        Map<String, Object> update = Fixtures.customerBody(true, "new-notice@example.co.jp");
        String keptContact = created.getString("contacts[0].id");
        update.put("contacts", List.of(Map.of("id", keptContact, "name", "代表 太郎", "phone", "03-9999-0000",
                "email", "rep@example.co.jp", "authorisedForCaCall", true, "representative", true)));
        String etag = staff().get("/customers/{id}", id).then().statusCode(200).extract().header("ETag");
        // a replacement needs the ETag read: without it 428, with another one 412, nothing changed either way
        staff().body(update).put("/customers/{id}", id).then().statusCode(428)
                .body("type", equalTo("https://certdesk.io/problems/precondition-required"));
        staff().header("If-Match", "\"not-the-tag\"").body(update).put("/customers/{id}", id).then().statusCode(412)
                .body("type", equalTo("https://certdesk.io/problems/precondition-failed"));
        staff().get("/customers/{id}", id).then().header("ETag", etag).body("contacts", hasSize(3));
        update.put("organisationValidatedUntilDate", "2027-12-31");
        String validatedTag = staff().header("If-Match", etag).body(update).put("/customers/{id}", id).then().statusCode(200)
                .body("organisationValidatedUntilDate", equalTo("2027-12-31")).extract().header("ETag");
        update.remove("organisationValidatedUntilDate");
        etag = validatedTag;
        // left out of a replacement, the validation date the CA gave is kept
        String newTag = staff().header("If-Match", etag).body(update).put("/customers/{id}", id).then().statusCode(200)
                .body("organisationValidatedUntilDate", equalTo("2027-12-31"))
                .body("listed", equalTo(true))
                .body("noticeEmail", equalTo("new-notice@example.co.jp"))
                .body("contacts", hasSize(1))
                .body("contacts[0].id", equalTo(keptContact))
                .body("contacts[0].phone", equalTo("03-9999-0000"))
                .extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(etag, newTag);
        // the tag read before the change is stale now
        staff().header("If-Match", etag).body(update).put("/customers/{id}", id).then().statusCode(412)
                .body("detail", containsString("changed since you read it"));
        // a contact of another customer cannot be smuggled in
        String other = Fixtures.createCustomer(true).getString("id");
        Map<String, Object> smuggle = new HashMap<>(update);
        String foreign = staff().get("/customers/{id}", other).then().extract().jsonPath().getString("contacts[0].id");
        smuggle.put("contacts", List.of(Map.of("id", foreign, "name", "x", "phone", "03-1111-2222",
                "email", "x@example.co.jp", "authorisedForCaCall", true, "representative", true)));
        staff().header("If-Match", newTag).body(smuggle).put("/customers/{id}", id).then().statusCode(400)
                .body("violations.field", hasItem("contacts.id"));

        staff().delete("/customers/{id}", id).then().statusCode(204);
        staff().get("/customers/{id}", id).then().statusCode(404);
    }

    @Test
    void customerWithQuotesCannotBeDeleted() {
        String id = Fixtures.createCustomer(true).getString("id");
        Fixtures.quote(id, Fixtures.createProduct("DV", 1_000), "NEW", Fixtures.domain());
        staff().delete("/customers/{id}", id).then().statusCode(409)
                .body("detail", containsString("quotes or orders"));
        staff().get("/customers/{id}", id).then().statusCode(200).body("contacts", hasSize(3));
    }

    @Test
    void customerTokenSeesOnlyItsOwnRecord() {
        String mine = Fixtures.createCustomer(true).getString("id");
        String theirs = Fixtures.createCustomer(true).getString("id");
        customer(mine).get("/customers/{id}", mine).then().statusCode(200).body("id", equalTo(mine));
        customer(mine).get("/customers/{id}", theirs).then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString(theirs));
        customer(mine).get("/customers/{id}", "C-999999").then().statusCode(404);
        customer(mine).get("/customers").then().statusCode(403);
        customer(mine).body(Fixtures.customerBody(true, "x@example.co.jp")).post("/customers").then().statusCode(403);
        // a customer token without the claim is refused
        String unbound = TestTokens.claims().subject("nobody").groups(Roles.CUSTOMER).sign();
        io.restassured.RestAssured.given().auth().oauth2(unbound).get("/customers/{id}", mine).then().statusCode(403);
    }

    @Test
    void japaneseInputIsStoredInOneForm() {
        Map<String, Object> body = Fixtures.customerBody(true, "kana@example.co.jp");
        body.put("organisationKana", "ｶﾌﾞｼｷｶﾞｲｼｬ ｻﾝﾌﾟﾙ");
        body.put("postalCode", "〒１００－０００１");
        body.put("contacts", List.of(Map.of("name", "代表 太郎", "phone", "０３（１２３４）５６７８", "email", "rep@example.co.jp",
                "authorisedForCaCall", true, "representative", true)));
        staff().body(body).post("/customers").then().statusCode(201)
                .body("organisationKana", equalTo("カブシキガイシャ サンプル"))
                .body("postalCode", equalTo("100-0001"))
                .body("contacts[0].phone", equalTo("03-1234-5678"));
        body.put("organisationKana", "かぶしきがいしゃ さんぷる");
        body.put("postalCode", "1000001");
        staff().body(body).post("/customers").then().statusCode(201)
                .body("organisationKana", equalTo("カブシキガイシャ サンプル")).body("postalCode", equalTo("100-0001"));
    }

    @Test
    void invalidCustomersListEveryViolation() {
        Map<String, Object> bad = Fixtures.customerBody(true, "not-an-email");
        bad.put("organisationKana", "株式会社");
        bad.put("postalCode", "1000");
        bad.put("contacts", List.of());
        staff().body(bad).post("/customers").then().statusCode(400)
                .body("violations.field", hasItems("noticeEmail", "organisationKana", "postalCode", "contacts"));
        Map<String, Object> hours = Fixtures.customerBody(true, "a@example.co.jp");
        hours.put("callHoursFrom", "18:00");
        staff().body(hours).post("/customers").then().statusCode(400)
                .body("violations.field", hasItem("callHoursTo"));
    }
}
