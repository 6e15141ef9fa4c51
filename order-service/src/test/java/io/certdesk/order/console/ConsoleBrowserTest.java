package io.certdesk.order.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.certdesk.order.Await;
import io.certdesk.order.Fixtures;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.certdesk.order.platform.Roles;
import io.certdesk.order.platform.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The order desk console (/console/) in a real headless browser: Debian's chromium through its chromedriver, against
 * this order-service and its real peers. Screenshots of the screens go to target/screenshots.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class ConsoleBrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots");
    static final Path DOWNLOADS = Path.of("target", "browser-downloads").toAbsolutePath();

    @TestHTTPResource("/console/")
    URL console;

    @Inject
    Pool db;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        Files.createDirectories(DOWNLOADS);
        for (String tool : new String[] {"/usr/bin/chromium", "/usr/bin/chromedriver"}) {
            if (!Files.isExecutable(Path.of(tool))) {
                fail(tool + " is missing: apt-get install chromium chromium-driver");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--lang=ja");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void closeBrowser(org.junit.jupiter.api.TestInfo test) throws Exception {
        if (browser != null) {
            // the last screen of each test, for whoever reads a failure
            Files.createDirectories(SHOTS.resolve("last"));
            Files.write(SHOTS.resolve("last").resolve(test.getTestMethod().orElseThrow().getName() + ".png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    @Test
    void staffSignInFindTheOrderAndMoveItWithTheCommandsItAllows() throws Exception {
        Fixtures.Created o = Fixtures.newOrder("DV", false, null);
        signIn(TestTokens.token(Roles.STAFF));
        // the list, filtered to quoted orders, holds the new order
        browser.get(console + "#/orders?state=QUOTED");
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#orders tr[data-order='" + o.orderId() + "']")));
        assertTrue(row.getText().contains(o.domain()), row.getText());
        assertTrue(row.getText().contains("見積済み"), row.getText());
        shot("orders");

        row.findElement(By.tagName("a")).click();
        waitForState("QUOTED");
        assertEquals(1, browser.findElements(By.cssSelector("form[data-command='CONTRACT']")).size());
        // a note too long for the API is shown next to its field, and nothing changes
        WebElement contract = browser.findElement(By.cssSelector("form[data-command='CONTRACT']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = 'あ'.repeat(2001)",
                contract.findElement(By.name("note")));
        contract.findElement(By.tagName("button")).click();
        WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("form[data-command='CONTRACT'] .error[data-for='note']")));
        assertFalse(error.getText().isBlank());
        waitForState("QUOTED");
        shot("order-violation");

        contract.findElement(By.name("note")).clear();
        contract.findElement(By.name("note")).sendKeys("電話で契約内容を確認済み");
        contract.findElement(By.tagName("button")).click();
        waitForState("CONTRACTED");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "電話で契約内容を確認済み"));
        browser.findElement(By.cssSelector("form[data-command='INVOICE'] button")).click();
        waitForState("INVOICED");
        assertEquals(0, browser.findElements(By.cssSelector("form[data-command='CONTRACT']")).size());
        shot("order");

        // a colleague cancels the order meanwhile; cancelling again from this page changes nothing and shows it
        Fixtures.staff().body("{}").post("/orders/{id}/cancel", o.orderId()).then().statusCode(200);
        browser.findElement(By.cssSelector("form[data-command='CANCEL'] button")).click();
        waitForState("CANCELLED");
        // the token lives in the page's memory only: after a reload the console asks for it again
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login")));
        signIn(TestTokens.token(Roles.STAFF));
        browser.get(console + "#/orders/" + o.orderId());
        waitForState("CANCELLED");
        assertEquals(0, browser.findElements(By.cssSelector("form[data-command]")).size());
    }

    @Test
    void aCustomerCannotOpenAnotherCustomersOrderByEditingTheUrl() throws Exception {
        Fixtures.Created mine = Fixtures.newOrder("DV", false, null);
        Fixtures.Created theirs = Fixtures.newOrder("DV", false, null);
        signIn(TestTokens.claims().subject("user-of-" + mine.customerId()).groups(Roles.CUSTOMER)
                .claim("customer_id", mine.customerId()).expiresIn(Duration.ofMinutes(10)).sign());
        browser.get(console + "#/orders/" + mine.orderId());
        waitForState("QUOTED");
        assertTrue(browser.findElement(By.tagName("main")).getText().contains(mine.domain()));
        // the customer may not contract their own order: the desk does
        assertEquals(0, browser.findElements(By.cssSelector("form[data-command]")).size());

        browser.get(console + "#/orders/" + theirs.orderId());
        WebElement notice = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#problem .notice")));
        assertTrue(notice.getText().contains("見つかりません"), notice.getText());
        assertFalse(browser.findElement(By.tagName("main")).getText().contains(theirs.domain()));
        shot("not-found");
    }

    /**
     * The DV path by clicking, on one origin (the gateway in front of the three services): a customer and the
     * customer's server registered, a quote with its placement previewed, the customer's acceptance recorded, the
     * order, contract, invoice, the payment, the application; the system makes the key, applies and links the
     * certificate by itself while the page follows; the installation confirmed by hand with a reason: INSTALLED.
     */
    @Test
    void staffTakeADvOrderFromQuoteToInstalledByClicking() throws Exception {
        String origin = ConsoleGateway.console(console);
        String product = Fixtures.createProduct("DV", 5_500, "LOCAL");
        signIn(origin, TestTokens.token(Roles.STAFF));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue-parked")));

        // a new customer
        browser.get(origin + "#/customers/new");
        WebElement customerForm = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("customer-form")));
        String email = Fixtures.unique("console").toLowerCase() + "@example.co.jp";
        Map<String, String> values = Map.ofEntries(Map.entry("organisationName", "株式会社コンソール"),
                Map.entry("organisationKana", "カブシキガイシャコンソール"), Map.entry("postalCode", "100-0001"),
                Map.entry("address", "東京都千代田区千代田1-1"), Map.entry("representativeName", "代表 太郎"),
                Map.entry("noticeEmail", email), Map.entry("contacts[0].name", "担当 花子"),
                Map.entry("contacts[0].phone", "03-1234-5679"), Map.entry("contacts[0].email", "it@example.co.jp"));
        // first a postal code the API refuses: the message stands next to the field
        type(customerForm, values);
        type(customerForm, Map.of("postalCode", "100-000"));
        customerForm.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#customer-form .error[data-for='postalCode']")));
        shot("customer-violation");
        type(customerForm, Map.of("postalCode", "100-0001"));
        customerForm.findElement(By.cssSelector("button[type=submit]")).click();
        String customerId = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("customer-id"))).getText();

        // the customer's server, in binding-service through the same origin
        browser.get(origin + "#/servers?customerId=" + customerId);
        WebElement serverForm = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("server-form")));
        String domain = Fixtures.domain();
        type(serverForm, Map.of("hostname", "ds-console-" + ProcessHandle.current().pid() + ".hosting.example.jp",
                "masterDomain", domain, "primaryIp", "127.201." + (ProcessHandle.current().pid() % 200) + ".1"));
        serverForm.findElement(By.cssSelector("button[type=submit]")).click();
        // binding-service places the master domain on the primary address at once
        WebElement master = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#bindings tr[data-binding]")));
        assertTrue(master.getText().contains(domain), master.getText());

        // the quote: the placement is previewed before it is made
        browser.get(origin + "#/quotes/new?customerId=" + customerId + "&productCode=" + product);
        WebElement quoteForm = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("quote-form")));
        wait.until(d -> new Select(quoteForm.findElement(By.name("serverId"))).getOptions().size() > 1);
        new Select(quoteForm.findElement(By.name("serverId"))).selectByIndex(1);
        quoteForm.findElement(By.name("domain")).sendKeys(domain);
        new Select(quoteForm.findElement(By.name("bindingStrategy"))).selectByValue("SNI");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("binding-preview"), "https://" + domain));
        shot("quote-new");
        quoteForm.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accept-quote"))).click();
        WebElement orderForm = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-form")));
        assertTrue(browser.findElement(By.id("quote-status")).getText().contains("承諾済み"));
        shot("quote");
        orderForm.findElement(By.tagName("button")).click();

        waitForState("QUOTED");
        clickCommand("CONTRACT");
        waitForState("CONTRACTED");
        clickCommand("INVOICE");
        waitForState("INVOICED");
        // the balance is proposed; the desk records the customer's transfer
        WebElement payment = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("payment")));
        payment.findElement(By.name("reference")).sendKeys("カ)コンソール");
        payment.findElement(By.cssSelector("button[type=submit]")).click();
        waitForState("PAID");
        clickCommand("START_APPLICATION");
        // the page follows the orchestration until the certificate waits for its installation
        WebElement override = new WebDriverWait(browser, Duration.ofSeconds(90)).until(ExpectedConditions
                .presenceOfElementLocated(By.cssSelector("form[data-command='OVERRIDE_DEPLOYMENT']")));
        waitForState("ISSUED");
        assertTrue(browser.findElement(By.id("certificate")).getText().contains("SHA-256"));
        assertEquals(0, browser.findElements(By.cssSelector("#steps tr[data-status='PARKED']")).size());
        override.findElement(By.name("reason")).sendKeys("お客様のサーバーでブラウザから証明書の表示を確認しました");
        override.findElement(By.tagName("button")).click();
        waitForState("INSTALLED");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deployment-status"), "担当者が設置を確認済み"));
        shot("order-installed");
        String orderId = browser.getCurrentUrl().replaceAll(".*#/orders/", "");
        Fixtures.staff().get("/orders/{id}", orderId).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("INSTALLED"))
                .body("customerId", org.hamcrest.Matchers.equalTo(customerId))
                .body("placement.deploymentStatus", org.hamcrest.Matchers.equalTo("OVERRIDDEN"));

        // the customer: the certificate among theirs, the bundle downloaded, the passphrase shown apart from it
        // (signed with the key id the peers' key set names)
        signIn(origin, TestTokens.claims().subject("user-of-" + customerId).groups(Roles.CUSTOMER)
                .claim("customer_id", customerId).expiresIn(Duration.ofMinutes(10)).jws().keyId(TestTokens.KEY_ID).sign());
        browser.get(origin + "#/certificates");
        WebElement term = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#certificates tr[data-term]")));
        assertTrue(term.getText().contains(domain) && term.getText().contains("https://" + domain), term.getText());
        term.findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("download-bundle"))).click();
        String keyId = Fixtures.staff().get("/orders/{id}", orderId).then().extract().path("keyId");
        Path bundle = DOWNLOADS.resolve("certdesk-key-" + keyId + ".zip");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Files.exists(bundle));
        browser.findElement(By.id("reveal-passphrase")).click();
        WebElement secret = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#passphrase code.secret")));
        String passphrase = secret.getText();
        assertTrue(passphrase.matches("[A-Za-z0-9]{4}(-[A-Za-z0-9]{4})+"), passphrase);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(bundle.toFile())) {
            assertTrue(zip.stream().anyMatch(e -> e.getName().endsWith(".p12")), "the bundle holds the PKCS#12");
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String content = new String(zip.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(passphrase), entry.getName() + " holds the passphrase");
            }
        }
        shot("portal-certificate", By.id("certificate"));
    }

    /**
     * The customer's side of an OV order: the requested document uploaded, previewed and accepted by the desk, the
     * CA's call proposed by the desk inside the customer's hours and confirmed by the customer, the invoice shown as a
     * qualified invoice, the renewal quote accepted and ordered.
     */
    @Test
    void aCustomerUploadsADocumentConfirmsTheCallAndAcceptsTheRenewalQuote() throws Exception {
        String origin = ConsoleGateway.console(console);
        Fixtures.Created o = Fixtures.newOrder("OV", false, null);
        Fixtures.advance(o, "OV", "DOCUMENTS_PENDING");
        String customerToken = TestTokens.claims().subject("user-of-" + o.customerId()).groups(Roles.CUSTOMER)
                .claim("customer_id", o.customerId()).expiresIn(Duration.ofMinutes(10)).sign();

        signIn(origin, customerToken);
        browser.get(origin + "#/orders/" + o.orderId());
        waitForState("DOCUMENTS_PENDING");
        assertTrue(browser.findElement(By.id("customer-state")).getText().contains("書類"));
        Path pdf = Files.createTempFile("申請書", ".pdf");
        Files.write(pdf, Fixtures.PDF);
        Path png = Files.createTempFile("印鑑証明書", ".png");
        Files.write(png, Fixtures.PNG);
        upload("APPLICATION_FORM", pdf);
        upload("SEAL_CERTIFICATE", png);
        shot("portal-documents", By.id("documents"));
        Fixtures.staff().get("/orders/{id}/documents/APPLICATION_FORM", o.orderId()).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("RECEIVED"))
                .body("fileName", org.hamcrest.Matchers.endsWith(".pdf"));

        // the desk finds the order in its queue, previews both, accepts the form and sends the seal certificate back
        signIn(origin, TestTokens.token(Roles.STAFF));
        WebElement queued = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#queue-documents tr[data-order='" + o.orderId() + "'] a")));
        shot("queues");
        queued.click();
        waitForState("DOCUMENTS_PENDING");
        browser.findElement(By.cssSelector("tr[data-document='APPLICATION_FORM'] button.secondary")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#document-preview iframe")));
        browser.findElement(By.cssSelector("button[data-accept='APPLICATION_FORM']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-document='APPLICATION_FORM'] td[data-status='ACCEPTED']")));
        browser.findElement(By.cssSelector("tr[data-document='SEAL_CERTIFICATE'] button.secondary")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#document-preview img")));
        WebElement reject = browser.findElement(By.cssSelector("form[data-reject='SEAL_CERTIFICATE']"));
        reject.findElement(By.name("reason")).sendKeys("印影が不鮮明です。発行から3か月以内の原本をお送りください。");
        reject.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-document='SEAL_CERTIFICATE'] td[data-status='REJECTED']")));

        // the customer reads why and sends it again
        signIn(origin, customerToken);
        browser.get(origin + "#/orders/" + o.orderId());
        WebElement sentBack = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-document='SEAL_CERTIFICATE']")));
        assertTrue(sentBack.getText().contains("印影が不鮮明です"), sentBack.getText());
        upload("SEAL_CERTIFICATE", png);

        // the desk accepts it and the registry transcript that came by post (through the API), then completes them
        Fixtures.staff().post("/orders/{id}/documents/SEAL_CERTIFICATE/accept", o.orderId()).then().statusCode(200);
        Fixtures.uploadAndAccept(o.orderId(), "REGISTRY_TRANSCRIPT");
        signIn(origin, TestTokens.token(Roles.STAFF));
        browser.get(origin + "#/orders/" + o.orderId() + "?again");
        clickCommand("ACCEPT_DOCUMENTS");
        waitForState("PHONE_VERIFICATION");
        // a slot outside the customer's hours (10:00–17:00) is refused; one inside is proposed
        WebElement slot = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("call-slot")));
        String day = Fixtures.nextBusinessDay().toString();
        setValue(slot.findElement(By.name("slotStartsAt")), day + "T08:00");
        slot.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#call .notice")));
        setValue(browser.findElement(By.cssSelector("#call-slot [name='slotStartsAt']")), day + "T14:00");
        browser.findElement(By.cssSelector("#call-slot button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("call-status"), "日時のご確認待ち"));
        shot("order-call", By.id("call"));

        signIn(origin, customerToken);
        browser.get(origin + "#/orders/" + o.orderId());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-call"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("call-status"), "日時確定"));
        Fixtures.staff().get("/orders/{id}/phone-verification", o.orderId()).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CONFIRMED"));

        // the call has taken place: Enter in the note records nothing, only the button does
        io.certdesk.order.phone.Calls.slotHasCome(o.orderId());
        signIn(origin, TestTokens.token(Roles.STAFF));
        browser.get(origin + "#/orders/" + o.orderId());
        WebElement note = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#call-outcome [name='note']")));
        note.sendKeys("代表者様にて確認完了", org.openqa.selenium.Keys.ENTER);
        browser.findElement(By.cssSelector("#call-outcome button[data-passed='true']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("call-status"), "確認完了"));
        Fixtures.staff().get("/orders/{id}/phone-verification", o.orderId()).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PASSED"))
                .body("note", org.hamcrest.Matchers.equalTo("代表者様にて確認完了\n"));
        signIn(origin, customerToken);

        // the invoice as a qualified invoice: registration number, tax per rate
        browser.get(origin + "#/invoices");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#invoices tr[data-invoice] a"))).click();
        WebElement invoice = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("invoice")));
        assertTrue(browser.findElement(By.id("registration-number")).getText().matches("T\\d{13}"),
                browser.findElement(By.id("registration-number")).getText());
        assertTrue(invoice.getText().contains("10%対象"), invoice.getText());
        shot("portal-invoice");

        // a term of another order of the customer ends; the renewal run drafts the quote the customer accepts
        String renewalQuote = renewalQuoteFor(o);
        browser.get(origin + "#/quotes");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#quotes tr[data-quote='" + renewalQuote + "'] a"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accept-quote")));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("更新"));
        shot("portal-renewal-quote");
        browser.findElement(By.id("accept-quote")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-form"))).findElement(By.tagName("button")).click();
        waitForState("QUOTED");
        Fixtures.customer(o.customerId()).get("/quotes/{id}", renewalQuote).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ACCEPTED"));
        Fixtures.staff().queryParam("customerId", o.customerId()).queryParam("size", 50).get("/orders").then()
                .statusCode(200).body("items.findAll { it.type == 'RENEWAL' }.size()", org.hamcrest.Matchers.equalTo(1));

        // the desk's screens are not the customer's
        browser.get(origin + "#/queues");
        WebElement refused = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#problem .notice")));
        assertTrue(refused.getText().contains("権限"), refused.getText());
    }

    /**
     * Sign-in through the organisation's OpenID Connect provider (a stand-in on the test profile's endpoints): the
     * code comes back, is traded with the PKCE verifier for the token, the answer leaves the address bar and the
     * person lands on the page they asked for; a refusal at the provider is said in words and signs nobody in.
     */
    @Test
    void staffSignInThroughTheOrganisationsProvider() throws Exception {
        try (StandInProvider provider = new StandInProvider()) {
            provider.nextSignIn(TestTokens.token(Roles.STAFF));
            browser.get(console + "#/orders?state=QUOTED");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("oidc-sign-in"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "（staff）"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("state-filter")));
            assertEquals(console + "#/orders?state=QUOTED", browser.getCurrentUrl());
            assertEquals(1, provider.tokensIssued.get());
            assertEquals(0, provider.tokensRefused.get());
            assertEquals(null, ((JavascriptExecutor) browser).executeScript(
                    "return sessionStorage.getItem('certdesk.oidc.pending')"));

            provider.nextSignIn(null);
            browser.navigate().refresh();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("oidc-sign-in"))).click();
            WebElement notice = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .notice")));
            assertTrue(notice.getText().contains("ログインできませんでした"), notice.getText());
            assertTrue(browser.findElement(By.id("nav")).getAttribute("hidden") != null);
            assertFalse(browser.getCurrentUrl().contains("error="), browser.getCurrentUrl());
            assertEquals(1, provider.tokensIssued.get());
        }
    }

    /** A step the orchestration parked is in the desk's queue with its error; 再実行する sends it back to work. */
    @Test
    void aParkedStepIsQueuedWithItsErrorAndRetriedFromTheOrderPage() throws Exception {
        Fixtures.Created o = Fixtures.newOrder("DV", false, null);
        Fixtures.advance(o, "DV", "APPLYING");
        signIn(ConsoleGateway.console(console), TestTokens.token(Roles.STAFF));
        WebElement queued = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#queue-parked tr[data-order='" + o.orderId() + "']")));
        assertTrue(queued.findElement(By.className("error-text")).getText().length() > 0, queued.getText());
        queued.findElement(By.tagName("a")).click();
        WebElement retry = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#steps form[data-retry]")));
        String step = retry.getAttribute("data-retry");
        retry.findElement(By.name("note")).sendKeys("他社サーバーの設定を確認済み");
        retry.findElement(By.tagName("button")).click();
        // the step runs again (and parks again: the domain is still taken); the timeline names the retry and its note
        Await.until("the retry on the timeline", () -> Fixtures.staff().queryParam("size", 100)
                .get("/orders/{id}/timeline", o.orderId()).then().extract().jsonPath(),
                t -> t.getList("items.note", String.class).stream()
                        .anyMatch(n -> n != null && n.contains("他社サーバーの設定を確認済み")));
        // the page shows the order anew once the retry is accepted
        wait.until(ExpectedConditions.stalenessOf(retry));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#steps tr[data-step='" + step + "']")));
        shot("order-parked", By.id("steps"));
    }

    /**
     * The English toggle: every label, state and sentence of the customer's screens in English (no Japanese text left
     * but the customer's own data), dates and amounts written the English way, and back to Japanese without signing in
     * again.
     */
    @Test
    void aCustomerSwitchesTheConsoleToEnglishAndBack() throws Exception {
        Fixtures.Created o = Fixtures.newOrder("DV", false, null);
        Map<String, String> english = io.restassured.RestAssured.given().get("/console/en.json").then().statusCode(200)
                .extract().jsonPath().getMap("", String.class, String.class);
        signIn(TestTokens.claims().subject("user-of-" + o.customerId()).groups(Roles.CUSTOMER)
                .claim("customer_id", o.customerId()).expiresIn(Duration.ofMinutes(10)).sign());
        browser.get(console + "#/orders/" + o.orderId());
        waitForState("QUOTED");
        browser.findElement(By.id("language")).click();
        wait.until(d -> "en".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
        wait.until(ExpectedConditions.textToBe(By.id("order-state"), english.get("見積済み")));
        assertEquals(english.get("ご注文"), browser.findElement(By.cssSelector("#nav a")).getText());
        assertEquals(List.of(), japaneseLeft(), "untranslated text on the order page");
        shot("english-order");
        for (String page : new String[] {"#/orders", "#/quotes?status=ACCEPTED", "#/certificates"}) {
            open(console + page);
            wait.until(d -> !browser.findElement(By.tagName("main")).getText().isBlank());
            assertEquals(List.of(), japaneseLeft(), "untranslated text on " + page);
        }
        browser.findElement(By.id("language")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#nav a"), "ご注文"));
        assertEquals("ログアウト", browser.findElement(By.id("logout")).getText());
        assertTrue(browser.findElement(By.id("who")).getText().contains(o.customerId()), "still signed in");

        // the desk's screens too (those that show no customer's own Japanese data), on the one origin
        String origin = ConsoleGateway.console(console);
        signIn(origin, TestTokens.token(Roles.STAFF));
        browser.findElement(By.id("language")).click();
        wait.until(d -> "en".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
        for (String page : new String[] {"#/queues", "#/products", "#/customers/new", "#/servers",
                "#/orders/" + o.orderId()}) {
            open(origin + page);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main form, main section, main table")));
            assertEquals(List.of(), japaneseLeft(), "untranslated text on " + page);
        }
        shot("english-queues");
        browser.findElement(By.id("language")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#nav a"), "業務キュー"));
    }

    /** Opens {@code url} in the page and waits for its screen: each navigation puts a new main element in place. */
    private void open(String url) {
        WebElement before = browser.findElement(By.tagName("main"));
        browser.get(url);
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
    }

    /** Text nodes of the page, outside translate="no", that still hold Japanese (kana or kanji). */
    @SuppressWarnings("unchecked")
    private List<String> japaneseLeft() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const left = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                  const node = walker.currentNode;
                  if (node.parentElement.closest('[translate=no], noscript, [hidden]')) continue;
                  if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(node.nodeValue)) left.push(node.nodeValue);
                }
                return left;""");
    }

    @Test
    void theConsoleRunsOnlyItsOwnScriptsAndIsNeverFramed() {
        io.restassured.RestAssured.given().get("/console/").then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-cache");
        // the sign-in provider's token endpoint is the one other place the console may call
        io.restassured.RestAssured.given().get("/console/").then()
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString(
                        "connect-src 'self' http://127.0.0.1:" + StandInProvider.PORT + "/token;"));
        io.restassured.RestAssured.given().get("/console/config.json").then().statusCode(200)
                .body("oidc.clientId", org.hamcrest.Matchers.equalTo(StandInProvider.CLIENT_ID))
                .body("oidc.authorizationEndpoint", org.hamcrest.Matchers.endsWith("/authorize"));
        io.restassured.RestAssured.given().get("/console/app.js").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("javascript"));
    }

    @Test
    void aWrongTokenIsRefusedOnTheSignInPage() throws Exception {
        browser.get(console.toString());
        WebElement form = tokenForm();
        form.findElement(By.name("token")).sendKeys("not-a-token");
        form.findElement(By.tagName("button")).click();
        WebElement notice = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .notice")));
        assertTrue(notice.getText().contains("ログイン"), notice.getText());
        assertTrue(browser.findElement(By.id("nav")).getAttribute("hidden") != null);
        shot("login");
    }

    private String renewalQuoteFor(Fixtures.Created first) {
        String product = Fixtures.createProduct("DV", 5_500, "LOCAL");
        String quoteId = Fixtures.quote(first.customerId(), product, "NEW", Fixtures.domain(), first.serverId()).getString("id");
        Fixtures.customer(first.customerId()).post("/quotes/{id}/accept", quoteId).then().statusCode(200);
        long other = Fixtures.staff().body(Map.of("quoteId", quoteId)).post("/orders").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        // the term that order's certificate would have started (issuance writes it so), ending in 2032
        LocalDate end = LocalDate.of(2032, 3, 31);
        db.preparedQuery("insert into certificate_term (customer_id, order_id, product_code, domain, server_id, "
                        + "starts_on, ends_on, certificate_id, state, created_at, issuer) select customer_id, id, product_code, "
                        + "domain, server_id, $2, $3, $4, 'ACTIVE', now(), issuer from orders where id = $1")
                .execute(Tuple.of(other, end.minusYears(1).plusDays(1), end, Fixtures.certificateId(other)))
                .await().indefinitely();
        Fixtures.staff().body(Map.of("runDate", end.minusDays(30).toString(), "customerId", first.customerId()))
                .post("/renewals/runs").then().statusCode(200);
        return Fixtures.staff().queryParam("customerId", first.customerId()).get("/renewals").then().statusCode(200)
                .extract().jsonPath().getString("items.find { it.orderId == '" + other + "' }.notices[0].quoteId");
    }

    /** The customer's upload of {@code file} as the document {@code kind}, on the order page shown. */
    private void upload(String kind, Path file) {
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("form[data-upload='" + kind + "']")));
        form.findElement(By.name("file")).sendKeys(file.toString());
        form.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-document='" + kind + "'] td[data-status='RECEIVED']")));
    }

    /**
     * The token form of the sign-in page, opened: with a sign-in provider configured (as in the test profile) pasting
     * a token is the operators' way in, folded away under the provider's button.
     */
    private WebElement tokenForm() {
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login")));
        List<WebElement> folded = browser.findElements(By.cssSelector("#token-sign-in:not([open]) summary"));
        if (!folded.isEmpty()) {
            folded.get(0).click();
        }
        return form;
    }

    private void clickCommand(String command) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[data-command='" + command + "'] button")))
                .click();
    }

    /** Fills a form's fields by name, as pasted (fast and independent of the keyboard layout). */
    private void type(WebElement form, Map<String, String> values) {
        values.forEach((name, value) -> setValue(form.findElement(By.name(name)), value));
    }

    private void setValue(WebElement field, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", field, value);
    }

    /** Signs in at {@code origin}'s console on a freshly loaded page (a page keeps its token in memory only). */
    private void signIn(String origin, String token) {
        browser.get(origin);
        browser.navigate().refresh();
        WebElement form = tokenForm();
        // pasted, as a person does (typing 800 characters key by key is slow in a browser)
        setValue(form.findElement(By.name("token")), token);
        form.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "（"));
    }

    private void signIn(String token) {
        signIn(console.toString(), token);
    }

    private void waitForState(String state) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#order-state [data-state='" + state + "']")));
    }

    private void shot(String name) throws Exception {
        shot(name, null);
    }

    /** A screenshot with {@code section} (or the top of the page) in view. */
    private void shot(String name, By section) throws Exception {
        Files.createDirectories(SHOTS);
        if (section == null) {
            ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        } else {
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(section));
        }
        Files.write(SHOTS.resolve("console-" + name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
