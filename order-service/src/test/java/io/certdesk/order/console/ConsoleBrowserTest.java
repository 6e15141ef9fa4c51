package io.certdesk.order.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.certdesk.order.Fixtures;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.certdesk.order.platform.Roles;
import io.certdesk.order.platform.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    @TestHTTPResource("/console/")
    URL console;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        for (String tool : new String[] {"/usr/bin/chromium", "/usr/bin/chromedriver"}) {
            if (!Files.isExecutable(Path.of(tool))) {
                fail(tool + " is missing: apt-get install chromium chromium-driver");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--lang=ja");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
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

    @Test
    void theConsoleRunsOnlyItsOwnScriptsAndIsNeverFramed() {
        io.restassured.RestAssured.given().get("/console/").then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff");
        io.restassured.RestAssured.given().get("/console/app.js").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("javascript"));
    }

    @Test
    void aWrongTokenIsRefusedOnTheSignInPage() throws Exception {
        browser.get(console.toString());
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login")));
        form.findElement(By.name("token")).sendKeys("not-a-token");
        form.findElement(By.tagName("button")).click();
        WebElement notice = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .notice")));
        assertTrue(notice.getText().contains("ログイン"), notice.getText());
        assertTrue(browser.findElement(By.id("nav")).getAttribute("hidden") != null);
        shot("login");
    }

    private void signIn(String token) {
        browser.get(console.toString());
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login")));
        // pasted, as a person does (typing 800 characters key by key is slow in a browser)
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                form.findElement(By.name("token")), token);
        form.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "（"));
    }

    private void waitForState(String state) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#order-state [data-state='" + state + "']")));
    }

    private void shot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve("console-" + name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
