package io.certdesk.order.order;

import static io.certdesk.order.Fixtures.TOKYO;
import static io.certdesk.order.Fixtures.command;
import static io.certdesk.order.Fixtures.customer;
import static io.certdesk.order.Fixtures.slotTomorrowAfternoon;
import static io.certdesk.order.Fixtures.staff;
import static io.certdesk.order.Fixtures.staffAt;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.order.Await;
import io.certdesk.order.Fixtures;
import io.certdesk.order.notice.Outboxes;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The nine steps end to end for DV, OV and EV, with guards, idempotency, timeline, invoice and mails. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class OrderWorkflowTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    io.vertx.mutiny.sqlclient.Pool db;

    @Test
    void dvOrderGoesFromQuoteToInstalledWithTimelineInvoiceAndMail() {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null);
        long id = o.orderId();
        String noticeEmail = o.customer().getString("noticeEmail");

        staff().get("/orders/{id}", id).then().statusCode(200)
                .body("state", equalTo("QUOTED"))
                .body("allowedCommands", contains("CONTRACT", "CANCEL"));
        command(id, "contract");
        JsonPath invoiced = staff().body(Map.of("extraCharges", List.of(Map.of("description", "専用サーバー利用料 12月分",
                        "amountJpy", 16_500)), "note", "サーバー費用と同時請求"))
                .post("/orders/{id}/invoice", id).then().statusCode(200).extract().jsonPath();
        assertEquals("INVOICED", invoiced.getString("state"));
        assertEquals(List.of("RECORD_PAYMENT", "CANCEL"), invoiced.getList("allowedCommands"));

        JsonPath invoice = staff().get("/orders/{id}/invoice", id).then().statusCode(200)
                .body("number", matchesPattern("INV-\\d{4}-\\d{6}"))
                .body("registrationNumber", equalTo("T7123456789012"))
                .body("lines.kind", contains("CA_FEE", "SETUP_FEE", "EXTRA"))
                .body("lines.amountJpy", contains(38_500, 23_100, 16_500))
                .body("totalJpy", equalTo(78_100))
                .body("containedTaxJpy", equalTo(7_100))
                .body("taxes[0].taxRatePercent", equalTo(10))
                .body("balanceJpy", equalTo(78_100))
                .body("status", equalTo("OPEN"))
                .extract().jsonPath();
        // 14 days, moved to the next business day when that is a weekend, a holiday or 年末年始
        assertEquals(Fixtures.calendar().onOrAfter(LocalDate.parse(invoice.getString("issueDate")).plusDays(14)),
                LocalDate.parse(invoice.getString("dueDate")));

        // no application before full payment
        staff().post("/orders/{id}/start-application", id).then().statusCode(409)
                .body("allowedCommands", contains("RECORD_PAYMENT", "CANCEL"));
        Fixtures.pay(invoice.getLong("id"), 50_000, Fixtures.unique("k")).then().statusCode(201)
                .body("invoiceStatus", equalTo("OPEN")).body("balanceAfterJpy", equalTo(28_100));
        staff().get("/orders/{id}", id).then().body("state", equalTo("INVOICED"));
        assertEquals(List.of(), Outboxes.of(id, io.certdesk.order.notice.NoticeKind.PAYMENT_CONFIRMED),
                "no confirmation queued before full payment");
        Fixtures.pay(invoice.getLong("id"), 28_100, Fixtures.unique("k")).then().statusCode(201)
                .body("invoiceStatus", equalTo("PAID")).body("balanceAfterJpy", equalTo(0));
        staff().get("/orders/{id}", id).then().body("state", equalTo("PAID"));

        // the invoice went first (with its PDF), then the balance after the part payment, then the confirmation
        List<Mail> mails = mailsTo(noticeEmail, 3);
        assertEquals(3, mails.size());
        assertTrue(mails.get(0).getSubject().contains("ご請求書送付のお知らせ"), mails.get(0).getSubject());
        assertTrue(mails.get(1).getSubject().contains("残額") && mails.get(1).getText().contains("28,100円"),
                mails.get(1).getText());
        Mail mail = mails.get(2);
        assertTrue(mail.getSubject().contains("ご入金確認・SSL証明書申請手続き開始のお知らせ"), mail.getSubject());
        assertTrue(mail.getText().contains(invoice.getString("number")), mail.getText());
        assertTrue(mail.getText().contains("78,100円"), mail.getText());
        assertTrue(mail.getText().contains("ドメイン所有者の情報について確認"), mail.getText());
        // the product's name, a business signature, and no ISO dates or product codes reach the customer
        assertTrue(mail.getText().contains("証明書　　　：Test DV 1 year"), mail.getText());
        assertTrue(mail.getText().contains("SSL証明書サポート窓口") && mail.getText().contains("よろしくお願い申し上げます"),
                mail.getText());
        assertTrue(!mail.getText().matches("(?s).*\\d{4}-\\d{2}-\\d{2}.*"), mail.getText());

        staff().body(Map.of("questions", List.of("WHOIS上の登録者名が御社名と異なります。最新の登録者名をお知らせください。")))
                .post("/orders/{id}/owner-questions", id).then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/orders/" + id + "/notices/"))
                .body("kind", equalTo("OWNER_QUESTIONS"));
        assertEquals(4, mailsTo(noticeEmail, 4).size());
        assertTrue(mailbox.getMailsSentTo(noticeEmail).get(3).getText().contains("1. WHOIS上の登録者名"));
        Outboxes.settled(id);

        // from here order-service places the domain, gets the key and CSR, applies to the (LOCAL) CA and records the
        // certificate by itself; the web server of this test does not exist, so it then waits for the deployment
        JsonPath applying = command(id, "start-application");
        assertEquals(List.of("CANCEL"), applying.getList("allowedCommands"));
        JsonPath issued = Await.until("the order to be issued and waiting for its deployment", () -> Fixtures.order(id),
                v -> "ISSUED".equals(v.getString("state")) && "WAITING".equals(v.getString("placement.deploymentStatus")));
        assertTrue(issued.getString("keyId").matches("[0-9a-f-]{36}"), issued.prettify());
        assertTrue(issued.getString("csrFingerprint").matches("([0-9a-f]{2}:){31}[0-9a-f]{2}"), issued.prettify());
        assertEquals(issued.getString("certificate.sha256Fingerprint").length(), 95);
        assertEquals("LOCAL", issued.getString("issuer"));
        assertEquals("RSA_2048", issued.getString("keyAlgorithm"));
        assertEquals("https://" + o.domain() + ":" + io.certdesk.order.peers.Peer.HTTPS_PORT + "/",
                issued.getString("placement.httpsUrl"));
        assertTrue(issued.getString("delivery.passphrase").endsWith("/keys/" + issued.getString("keyId") + "/passphrase"),
                issued.prettify());
        assertEquals(List.of("OVERRIDE_DEPLOYMENT"), issued.getList("allowedCommands"));
        // the certificate is keystore's, for this order's key
        staffAt(io.certdesk.order.peers.Peer.KEYSTORE).get("/certificates/{id}", issued.getString("certificate.id"))
                .then().statusCode(200).body("keyId", equalTo(issued.getString("keyId")))
                .body("orderId", equalTo(String.valueOf(id))).body("dnsNames", contains(o.domain()));
        staff().post("/orders/{id}/request-documents", id).then().statusCode(409)
                .body("detail", containsString("ISSUED"));
        staff().post("/orders/{id}/cancel", id).then().statusCode(409)
                .body("detail", containsString("ISSUED")).body("allowedCommands", contains("OVERRIDE_DEPLOYMENT"));
        // the probe found nothing serving the certificate: the reason is on the order
        Await.until("the probe's finding on the order", () -> Fixtures.order(id),
                v -> v.getString("placement.deploymentDetail") != null
                        && v.getString("placement.deploymentDetail").startsWith("UNREACHABLE"));
        staff().post("/orders/{id}/deployment-override", id).then().statusCode(400);
        staff().body(Map.of("reason", " ")).post("/orders/{id}/deployment-override", id).then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        staff().body(Map.of("reason", "お客様のロードバランサー経由でブラウザから確認済み"))
                .post("/orders/{id}/deployment-override", id).then().statusCode(200)
                .body("state", equalTo("INSTALLED"))
                .body("placement.deploymentStatus", equalTo("OVERRIDDEN"))
                .body("placement.deploymentDetail", containsString("ロードバランサー"))
                .body("currentStep", equalTo(null))
                .body("allowedCommands", hasSize(0));

        staff().get("/orders/{id}/site-seal", id).then().statusCode(200).body("status", equalTo("OPEN"));
        staff().body(Map.of("status", "PLACED")).put("/orders/{id}/site-seal", id).then().statusCode(400)
                .body("violations.field", hasItem("placement"));
        Fixtures.replace("/orders/{id}/site-seal", Map.of("status", "PLACED", "placement", "トップページのフッター右下"), id)
                .then().statusCode(200).body("status", equalTo("PLACED"));

        // the customer reads the timeline in Japanese, without staff's English detail
        JsonPath mine = customer(o.customerId()).get("/orders/{id}/timeline", id).then().statusCode(200)
                .extract().jsonPath();
        assertTrue(mine.getList("items.note").stream().allMatch(java.util.Objects::isNull), mine.prettify());
        assertEquals("ご入金を確認しました", mine.getString("items.find { it.toState == 'PAID' }.summary"));
        assertEquals("証明書をサーバーに設置しました", mine.getString("items.find { it.toState == 'INSTALLED' }.summary"));
        assertTrue(mine.getList("items.summary", String.class).stream().noneMatch(t -> t.matches(".*[A-Za-z]{4,}.*")),
                mine.getList("items.summary").toString());
        JsonPath timeline = staff().get("/orders/{id}/timeline", id).then().statusCode(200).extract().jsonPath();
        List<String> transitions = timeline.getList("items.findAll { it.kind == 'TRANSITION' }.toState");
        assertEquals(List.of("QUOTED", "CONTRACTED", "INVOICED", "PAID", "APPLYING", "CSR_READY", "SUBMITTED",
                "ISSUED", "INSTALLED"), transitions);
        assertEquals(List.of("order-service", "order-service", "order-service"),
                timeline.getList("items.findAll { it.command in ['CSR_READY', 'SUBMIT', 'ISSUE'] }.actor"));
        assertEquals("OVERRIDE_DEPLOYMENT", timeline.getString("items.find { it.toState == 'INSTALLED' }.command"));
        assertEquals(List.of("PLACE_DOMAIN", "PREPARE_CSR", "SUBMIT_APPLICATION", "FOLLOW_ISSUANCE", "LINK_CERTIFICATE",
                        "CONFIRM_DEPLOYMENT"),
                staff().get("/orders/{id}/steps", id).then().statusCode(200).extract().jsonPath().getList("items.kind"));
        assertEquals(List.of("DONE", "DONE", "DONE", "DONE", "DONE", "CANCELLED"),
                staff().get("/orders/{id}/steps", id).then().extract().jsonPath().getList("items.status"));
        List<String> notices = timeline.getList("items.findAll { it.kind == 'NOTICE' }.note");
        assertTrue(notices.size() >= 4, notices.toString());
        assertTrue(notices.get(0).startsWith("Mailed invoice " + invoice.getString("number") + " (PDF)"), notices.get(0));
        assertTrue(notices.get(1).startsWith("Mailed balance reminder"), notices.get(1));
        assertTrue(notices.get(2).startsWith("Mailed payment confirmation"), notices.get(2));
        // and once installed, the customer is told (queued with the installation)
        assertEquals(1, io.certdesk.order.notice.Outboxes.of(id, io.certdesk.order.notice.NoticeKind.CERTIFICATE_INSTALLED).size());
        // then, in two mails of their own, the key bundle and how to reveal the passphrase (never the passphrase)
        var bundle = io.certdesk.order.notice.Outboxes.of(id, io.certdesk.order.notice.NoticeKind.KEY_BUNDLE_READY);
        var passphrase = io.certdesk.order.notice.Outboxes.of(id, io.certdesk.order.notice.NoticeKind.PASSPHRASE_READY);
        assertEquals(1, bundle.size());
        assertEquals(1, passphrase.size());
        assertTrue(bundle.get(0).body.contains("秘密鍵") && bundle.get(0).body.contains("別のメール"), bundle.get(0).body);
        assertTrue(passphrase.get(0).body.contains("パスフレーズそのものは本メールには記載しておりません"),
                passphrase.get(0).body);
        assertEquals("test-staff@certdesk.test", timeline.getString("items.find { it.command == 'CONTRACT' }.actor"));
        assertEquals("INVOICED", timeline.getString("items.find { it.command == 'RECORD_PAYMENT' }.fromState"));
        assertEquals("サーバー費用と同時請求", timeline.getString("items.find { it.command == 'INVOICE' }.note"));
    }

    /** The mails to {@code to} once at least {@code count} arrived (the outbox mails them after the commit). */
    private List<Mail> mailsTo(String to, int count) {
        return Await.until(count + " mails to " + to, () -> {
            List<Mail> mails = mailbox.getMailsSentTo(to);
            return mails == null ? List.<Mail>of() : List.copyOf(mails);
        }, mails -> mails.size() >= count);
    }

    @Test
    void ovOrderMustPassDocumentsAndTheCallBeforeIssuance() {
        Fixtures.Created o = Fixtures.newOrder("OV", false, null);
        long id = o.orderId();
        Fixtures.advance(o, "OV", "SUBMITTED");

        // the LOCAL CA signs at once, but an OV order is not ISSUED before the documents and the call
        JsonPath waiting = Await.until("the certificate to be on the order", () -> Fixtures.order(id),
                v -> v.getString("certificate.id") != null);
        assertEquals("SUBMITTED", waiting.getString("state"));
        assertEquals(List.of("REQUEST_DOCUMENTS", "CANCEL"), waiting.getList("allowedCommands"));
        assertEquals("FOLLOW_ISSUANCE", waiting.getString("currentStep.kind"));
        staffAt(io.certdesk.order.peers.Peer.KEYSTORE).get("/keys/{id}", waiting.getString("keyId")).then()
                .statusCode(200).body("csr.subject", containsString("O=Test Co.\\, Ltd."))
                .body("csr.subject", containsString("L=Chiyoda-ku")).body("csr.subject", containsString("C=JP"));
        staff().post("/orders/{id}/issue", id).then().statusCode(404);
        command(id, "request-documents");
        customer(o.customerId()).get("/orders/{id}/documents", id).then().statusCode(200)
                .body("items.kind", contains("APPLICATION_FORM", "SEAL_CERTIFICATE", "REGISTRY_TRANSCRIPT"))
                .body("items.status", contains("REQUIRED", "REQUIRED", "REQUIRED"));

        Fixtures.uploadAndAccept(id, "APPLICATION_FORM");
        Fixtures.uploadAndAccept(id, "SEAL_CERTIFICATE");
        staff().post("/orders/{id}/accept-documents", id).then().statusCode(409)
                .body("detail", containsString("REGISTRY_TRANSCRIPT"));
        // the customer sends the transcript, staff reject it, the customer sends it again
        customer(o.customerId()).contentType("image/png").body(Fixtures.PNG)
                .put("/orders/{id}/documents/REGISTRY_TRANSCRIPT/file", id).then().statusCode(200)
                .body("status", equalTo("RECEIVED"));
        staff().body(Map.of("reason", "発行から3ヶ月以上経過しています"))
                .post("/orders/{id}/documents/REGISTRY_TRANSCRIPT/reject", id).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("reason", equalTo("発行から3ヶ月以上経過しています"));
        staff().post("/orders/{id}/accept-documents", id).then().statusCode(409);
        Fixtures.uploadAndAccept(id, "REGISTRY_TRANSCRIPT");
        command(id, "accept-documents");
        staff().get("/orders/{id}", id).then().body("state", equalTo("PHONE_VERIFICATION"))
                .body("allowedCommands", contains("CANCEL"));

        // issuance waits for the call: the step looks again and says why it waits
        Await.until("the step to wait for the call", () -> Fixtures.order(id),
                v -> v.getString("currentStep.lastError") != null && v.getString("currentStep.lastError").contains("call"));
        staff().get("/orders/{id}", id).then().body("state", equalTo("PHONE_VERIFICATION"));
        // unlisted company: an authorised contact who is not the representative may not answer
        staff().body(Map.of("contactId", o.contactId(1), "slotStartsAt", slotTomorrowAfternoon()))
                .post("/orders/{id}/phone-verification/slot", id).then().statusCode(400)
                .body("detail", containsString("representative"));
        staff().body(Map.of("contactId", o.contactId(0), "slotStartsAt", slotTomorrowAfternoon()))
                .post("/orders/{id}/phone-verification/slot", id).then().statusCode(200)
                .body("status", equalTo("PROPOSED"));
        staff().body(Map.of("passed", true)).post("/orders/{id}/phone-verified", id).then().statusCode(409)
                .body("detail", containsString("PROPOSED"));
        customer(o.customerId()).post("/orders/{id}/phone-verification/confirm", id).then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        io.certdesk.order.phone.Calls.slotHasCome(id);
        staff().body(Map.of("passed", true, "note", "代表者様にて確認完了")).post("/orders/{id}/phone-verified", id)
                .then().statusCode(200).body("status", equalTo("PASSED"));
        // the passed call wakes the waiting step: ISSUED without anyone sending a command
        Fixtures.awaitState(id, "ISSUED");

        Fixtures.advance(o, "OV", "INSTALLED");
        List<String> transitions = staff().get("/orders/{id}/timeline", id).then().extract().jsonPath()
                .getList("items.findAll { it.kind == 'TRANSITION' }.toState");
        assertEquals(List.of("QUOTED", "CONTRACTED", "INVOICED", "PAID", "APPLYING", "CSR_READY", "SUBMITTED",
                "DOCUMENTS_PENDING", "PHONE_VERIFICATION", "ISSUED", "INSTALLED"), transitions);
    }

    @Test
    void evOrderNeedsTheAttorneyOpinionLetter() {
        Fixtures.Created o = Fixtures.newOrder("EV", true, null);
        long id = o.orderId();
        Fixtures.advance(o, "EV", "DOCUMENTS_PENDING");
        staff().get("/orders/{id}/documents", id).then()
                .body("items.kind", contains("APPLICATION_FORM", "SEAL_CERTIFICATE", "REGISTRY_TRANSCRIPT", "ATTORNEY_OPINION"));
        for (String kind : List.of("APPLICATION_FORM", "SEAL_CERTIFICATE", "REGISTRY_TRANSCRIPT")) {
            Fixtures.uploadAndAccept(id, kind);
        }
        staff().post("/orders/{id}/accept-documents", id).then().statusCode(409)
                .body("detail", containsString("ATTORNEY_OPINION"));
        Fixtures.uploadAndAccept(id, "ATTORNEY_OPINION");
        command(id, "accept-documents");
        // listed company: an authorised non-representative may answer, an unauthorised contact may not
        staff().body(Map.of("contactId", o.contactId(2), "slotStartsAt", slotTomorrowAfternoon()))
                .post("/orders/{id}/phone-verification/slot", id).then().statusCode(400)
                .body("detail", containsString("not authorised"));
        String evening = Fixtures.nextBusinessDay().atTime(19, 0).atZone(TOKYO).toOffsetDateTime().toString();
        staff().body(Map.of("contactId", o.contactId(1), "slotStartsAt", evening))
                .post("/orders/{id}/phone-verification/slot", id).then().statusCode(400)
                .body("detail", containsString("preferred hours"));
        // the CA calls on business days only: not on a Sunday, not on 元日
        LocalDate sunday = LocalDate.now(TOKYO).with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SUNDAY));
        staff().body(Map.of("contactId", o.contactId(1), "slotStartsAt",
                        sunday.atTime(14, 0).atZone(TOKYO).toOffsetDateTime().toString()))
                .post("/orders/{id}/phone-verification/slot", id).then().statusCode(400)
                .body("detail", containsString("not a business day (日曜日)"));
        LocalDate newYear = LocalDate.of(LocalDate.now(TOKYO).getYear() + 1, 1, 1);
        staff().body(Map.of("contactId", o.contactId(1), "slotStartsAt",
                        newYear.atTime(14, 0).atZone(TOKYO).toOffsetDateTime().toString()))
                .post("/orders/{id}/phone-verification/slot", id).then().statusCode(400)
                .body("detail", containsString("not a business day"));
        staff().body(Map.of("contactId", o.contactId(1), "slotStartsAt", slotTomorrowAfternoon()))
                .post("/orders/{id}/phone-verification/slot", id).then().statusCode(200)
                .body("contactName", equalTo("担当 花子"));
        staff().post("/orders/{id}/phone-verification/confirm", id).then().statusCode(200);
        io.certdesk.order.phone.Calls.slotHasCome(id);
        staff().body(Map.of("passed", false, "note", "不在")).post("/orders/{id}/phone-verified", id)
                .then().statusCode(200).body("status", equalTo("FAILED"));
        int polls = Fixtures.order(id).getInt("currentStep.attempts");
        Await.until("the step to look again after the failed call", () -> Fixtures.order(id),
                v -> v.getInt("currentStep.attempts") > polls + 1);
        staff().get("/orders/{id}", id).then().body("state", equalTo("PHONE_VERIFICATION"));
        // a failed call is arranged again (advance proposes, confirms and passes it)
        Fixtures.advance(o, "EV", "INSTALLED");
        String certificate = staff().get("/orders/{id}", id).then().body("state", equalTo("INSTALLED"))
                .extract().path("certificate.id");
        staffAt(io.certdesk.order.peers.Peer.KEYSTORE).get("/certificates/{id}", certificate).then().statusCode(200)
                .body("orderId", equalTo(String.valueOf(id)));
        List<String> transitions = staff().get("/orders/{id}/timeline", id).then().extract().jsonPath()
                .getList("items.findAll { it.kind == 'TRANSITION' }.toState");
        assertEquals(List.of("QUOTED", "CONTRACTED", "INVOICED", "PAID", "APPLYING", "CSR_READY", "SUBMITTED",
                "DOCUMENTS_PENDING", "PHONE_VERIFICATION", "ISSUED", "INSTALLED"), transitions);
    }

    @Test
    void theAttorneysLetterIsOnTheChecklistOnlyWhenTheEvProductRequiresIt() {
        // DV/OV products cannot ask for it; EV products do unless staff say their CA does not
        staff().body(Map.of("code", Fixtures.unique("OV"), "name", "OV", "caBrand", "TestCA", "validationLevel", "OV",
                "validityMonths", 12, "applicationFeeJpy", 1, "requiresAttorneyLetter", true)).post("/products")
                .then().statusCode(400).body("violations[0].field", equalTo("requiresAttorneyLetter"));
        String defaultEv = Fixtures.createProduct("EV", 100_000);
        staff().get("/products/{code}", defaultEv).then().body("requiresAttorneyLetter", equalTo(true));
        String code = Fixtures.unique("EV");
        staff().body(Map.of("code", code, "name", "EV without letter", "caBrand", "TestCA", "validationLevel", "EV",
                "validityMonths", 12, "applicationFeeJpy", 100_000, "requiresAttorneyLetter", false))
                .post("/products").then().statusCode(201).body("requiresAttorneyLetter", equalTo(false));

        JsonPath customerJson = Fixtures.createCustomer(true);
        String customerId = customerJson.getString("id");
        String serverId = Fixtures.server(customerId);
        String domain = Fixtures.domain();
        String quoteId = Fixtures.quote(customerId, code, "NEW", domain, serverId).getString("id");
        customer(customerId).post("/quotes/{id}/accept", quoteId).then().statusCode(200);
        long id = staff().body(Map.of("quoteId", quoteId)).post("/orders").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        // a later product change does not alter the order's checklist
        Fixtures.replace("/products/{code}", Map.of("name", "EV without letter", "caBrand", "TestCA",
                "validationLevel", "EV", "validityMonths", 12, "applicationFeeJpy", 100_000, "active", true,
                "requiresAttorneyLetter", true), code).then().statusCode(200)
                .body("requiresAttorneyLetter", equalTo(true));
        Fixtures.Created o = new Fixtures.Created(id, customerId, customerJson, serverId, domain);
        Fixtures.advance(o, "EV", "DOCUMENTS_PENDING");
        staff().get("/orders/{id}/documents", id).then()
                .body("items.kind", contains("APPLICATION_FORM", "SEAL_CERTIFICATE", "REGISTRY_TRANSCRIPT"));
        for (String kind : List.of("APPLICATION_FORM", "SEAL_CERTIFICATE", "REGISTRY_TRANSCRIPT")) {
            Fixtures.uploadAndAccept(id, kind);
        }
        command(id, "accept-documents");
        staff().get("/orders/{id}", id).then().body("state", equalTo("PHONE_VERIFICATION"));
    }

    @Test
    void repeatingTheLastCommandAnswersTheSameOrderWithoutATimelineEntry() {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null);
        long id = o.orderId();
        JsonPath first = command(id, "contract");
        int entries = staff().get("/orders/{id}/timeline", id).then().extract().jsonPath().getList("items").size();
        JsonPath again = command(id, "contract");
        assertEquals(first.getString("state"), again.getString("state"));
        assertEquals(first.getString("updatedAt"), again.getString("updatedAt"));
        assertEquals(entries, staff().get("/orders/{id}/timeline", id).then().extract().jsonPath().getList("items").size());

        command(id, "invoice");
        long invoiceId = staff().get("/orders/{id}/invoice", id).then().extract().jsonPath().getLong("id");
        command(id, "invoice");
        assertEquals(invoiceId, staff().get("/orders/{id}/invoice", id).then().extract().jsonPath().getLong("id"),
                "a repeated invoice command issues no second invoice");
        // an earlier command is not a repeat: it is illegal now
        staff().post("/orders/{id}/contract", id).then().statusCode(409)
                .body("detail", containsString("INVOICED"));
        command(id, "cancel");
        command(id, "cancel");
        staff().get("/orders/{id}/invoice", id).then().body("status", equalTo("VOID"));
        List<String> cancels = staff().get("/orders/{id}/timeline", id).then().extract().jsonPath()
                .getList("items.findAll { it.command == 'CANCEL' }.toState");
        assertEquals(List.of("CANCELLED"), cancels);
    }

    @Test
    void applicationWaitsUntilLaunchDateMinusLeadDays() {
        LocalDate launch = LocalDate.now(TOKYO).plusDays(30);
        Fixtures.Created o = Fixtures.newOrder("DV", true, launch);
        long id = o.orderId();
        // DV: two business days before launch
        LocalDate earliest = Fixtures.calendar().minus(launch, 2);
        staff().get("/orders/{id}", id).then()
                .body("earliestApplicationDate", equalTo(earliest.toString()));
        Fixtures.advance(o, "DV", "PAID");
        staff().post("/orders/{id}/start-application", id).then().statusCode(409)
                .body("detail", containsString(earliest.toString())).body("detail", containsString("2 business days"));
        staff().get("/orders/{id}", id).then().body("state", equalTo("PAID"));

        LocalDate sooner = LocalDate.now(TOKYO).plusDays(1);
        staff().body(Map.of("launchDate", sooner.toString())).post("/orders/{id}/launch-date", id)
                .then().statusCode(200).body("launchDate", equalTo(sooner.toString()));
        command(id, "start-application");
        staff().body(Map.of("launchDate", sooner.toString())).post("/orders/{id}/launch-date", id)
                .then().statusCode(409).body("detail", containsString("APPLYING"));
    }

    @Test
    void renewalOrderLinksTheCertificateItRenews() {
        // the customer's current term, as issuance records it, with its certificate
        Fixtures.Created first = Fixtures.newOrder("DV", true, null);
        String customerId = first.customerId();
        String renewed = Fixtures.certificateId(first.orderId());
        db.preparedQuery("insert into certificate_term (customer_id, order_id, product_code, domain, server_id, starts_on, "
                + "ends_on, certificate_id, state, created_at, issuer) select customer_id, id, product_code, domain, "
                + "server_id, current_date, current_date + 364, $2, 'ACTIVE', now(), issuer from orders where id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(first.orderId(), renewed)).await().indefinitely();
        String product = Fixtures.createProduct("DV", 33_000);
        String quoteId = Fixtures.quote(customerId, product, "RENEWAL", Fixtures.domain()).getString("id");
        // a certificate that is not one of this customer's is refused
        Fixtures.Created stranger = Fixtures.newOrder("DV", true, null);
        staff().body(Map.of("quoteId", quoteId)).post("/orders").then().statusCode(409)
                .body("detail", containsString("OPEN"));
        staff().post("/quotes/{id}/accept", quoteId).then().statusCode(200);
        staff().body(Map.of("quoteId", quoteId)).post("/orders").then().statusCode(400)
                .body("violations.field", hasItem("renewsCertificateId"));
        staff().body(Map.of("quoteId", quoteId, "renewsCertificateId", java.util.UUID.randomUUID().toString()))
                .post("/orders").then().statusCode(404).body("violations.field", hasItem("renewsCertificateId"));
        staff().body(Map.of("quoteId", quoteId, "renewsCertificateId", Fixtures.certificateId(stranger.orderId())))
                .post("/orders").then().statusCode(404);
        long id = customer(customerId).body(Map.of("quoteId", quoteId, "renewsCertificateId", renewed))
                .post("/orders").then().statusCode(201)
                .body("type", equalTo("RENEWAL"))
                .body("renewsCertificateId", equalTo(renewed))
                .extract().jsonPath().getLong("id");
        staff().body(Map.of("quoteId", quoteId, "renewsCertificateId", renewed)).post("/orders")
                .then().statusCode(409).body("detail", containsString(String.valueOf(id)));
        command(id, "contract");
        command(id, "invoice");
        staff().get("/orders/{id}/invoice", id).then()
                .body("lines.amountJpy", contains(33_000, 10_500))
                .body("totalJpy", equalTo(43_500))
                .body("containedTaxJpy", equalTo(3_954));
    }

    @Test
    void staffFilterAndPageOrdersCustomersSeeOnlyTheirOwn() {
        Fixtures.Created a = Fixtures.newOrder("DV", true, null);
        Fixtures.Created b = Fixtures.newOrder("DV", true, null);
        command(a.orderId(), "contract");
        String domainA = staff().get("/orders/{id}", a.orderId()).then().extract().jsonPath().getString("domain");

        staff().queryParam("customerId", a.customerId()).get("/orders").then().statusCode(200)
                .body("items.id", contains(String.valueOf(a.orderId()))).body("total", equalTo(1));
        staff().queryParam("domain", domainA.toUpperCase()).get("/orders").then()
                .body("items.id", contains(String.valueOf(a.orderId())));
        staff().queryParam("state", "CONTRACTED").queryParam("size", 200).get("/orders").then()
                .body("items.id", hasItem(String.valueOf(a.orderId())))
                .body("items.state", org.hamcrest.Matchers.everyItem(equalTo("CONTRACTED")));
        staff().queryParam("state", "NOPE").get("/orders").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("state"));

        command(a.orderId(), "invoice");
        LocalDate due = LocalDate.parse(staff().get("/orders/{id}/invoice", a.orderId()).then().extract().jsonPath()
                .getString("dueDate"));
        staff().queryParam("dueDateFrom", due.toString()).queryParam("dueDateTo", due.toString()).queryParam("size", 200)
                .get("/orders").then().body("items.id", hasItem(String.valueOf(a.orderId())))
                .body("items.id", org.hamcrest.Matchers.not(hasItem(String.valueOf(b.orderId()))));
        staff().queryParam("dueDateTo", due.minusDays(1).toString()).queryParam("customerId", a.customerId())
                .get("/orders").then().body("total", equalTo(0));

        // paging
        staff().queryParam("size", 1).queryParam("page", 0).get("/orders").then()
                .body("items", hasSize(1)).body("size", equalTo(1));

        // customers: their own only, others are 404
        customer(a.customerId()).get("/orders").then().statusCode(200)
                .body("items.id", contains(String.valueOf(a.orderId())));
        customer(a.customerId()).queryParam("customerId", b.customerId()).get("/orders").then()
                .body("total", equalTo(0));
        customer(a.customerId()).get("/orders/{id}", b.orderId()).then().statusCode(404)
                .contentType("application/problem+json");
        customer(a.customerId()).get("/orders/{id}/timeline", b.orderId()).then().statusCode(404);
        customer(a.customerId()).get("/orders/{id}/invoice", b.orderId()).then().statusCode(404);
        customer(a.customerId()).get("/orders/{id}/documents", b.orderId()).then().statusCode(404);
        customer(a.customerId()).post("/orders/{id}/contract", a.orderId()).then().statusCode(403);
        staff().get("/orders/{id}", 999_999_999).then().statusCode(404);
        staff().get("/orders/{id}/invoice", b.orderId()).then().statusCode(404).body("detail", containsString("Invoice of order"));
    }
}
