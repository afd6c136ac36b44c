package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.connector.samr.sim.SamrSimulator;
import org.creditgate.model.Masking;
import org.creditgate.simulators.upstream.core.RejectRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console in a real headless Chromium against a booted gateway with the four upstream simulators: log
 * in (a wrong password refused, a viewer may look but not replay), the health table and the upstream counters, a
 * record's lineage by id and a person's by full ID number (shown masked), a refused record in the dead letters,
 * replayed and then seen delivered, a shield pending while its platform is paused with its proof, deadline risks and
 * the alert the dead letter raised — and not one error in the browser's console (a script error or a blocked load,
 * e.g. from a CDN the Content-Security-Policy forbids, would appear there).
 *
 * <p>Needs Chromium and its driver (Debian: {@code apt-get install chromium chromium-driver}; {@code .ci/run} does it
 * in CI, where {@code CI=true} makes a missing browser a failure; elsewhere the test is skipped with this hint).
 * {@code CHROME_BIN} and {@code CHROMEDRIVER} point at other copies.
 */
class ConsoleIT {

    private static final Duration SOON = Duration.ofSeconds(60);
    private static final String TOKEN = "scjgj-demo-token";

    @AutoClose
    private KarafInstance karaf;
    @AutoClose
    private final UpstreamSimulators upstreams = new UpstreamSimulators();
    private WebDriver browser;
    private WebDriverWait wait;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorWatchesFindsAndReplaysFromTheBrowser() throws Exception {
        ChromeDriverService service = chromeDriver();
        karaf = KarafInstance.fresh("console");
        // a read-only operator next to the shipped admin karaf/karaf; the JAAS realm reads this file at each login
        Files.writeString(karaf.home.resolve("etc/users.properties"), "\nwatcher = watcher-pw,viewer\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        karaf.start();
        karaf.awaitHealthy(Duration.ofSeconds(90));
        upstreams.connect(karaf);
        SamrSimulator bureau = new SamrSimulator("http://127.0.0.1:" + karaf.httpPort + "/api/v1", "rest-scjgj", TOKEN);
        List<ObjectNode> records = new ArrayList<>(SamrSimulator.penalties(1, 1));
        records.add(Samples.personPenalty("榕市监罚〔2026〕61号", Samples.VALID_ID));
        List<String> ids = Samples.accepted(bureau.push(records));
        String company = ids.get(0);
        String person = ids.get(1);
        await().atMost(SOON).until(() -> ids.stream().allMatch(id -> deliveries(id).size() == 4
                && deliveries(id).values().stream().allMatch("ACCEPTED"::equals)));
        // a DLQ alert is raised for letters the health check saw arrive: let it see national's DLQ empty first (its
        // first look at a newly bound upstream sets the baseline)
        await().atMost(SOON).until(() -> upstreamDetail("national").endsWith(", 0 dead letters"));
        // national refuses one record: it lands on national's dead-letter queue
        upstreams.national.misbehaviour().reject(RejectRule.fieldEquals("PENALTY", "decisionDocNo",
                SamrSimulator.penalty(70).path("CF_WSH").asText(), "E_RULE"));
        String refused = Samples.accepted(bureau.push(SamrSimulator.penalties(70, 1))).get(0);
        await().atMost(SOON).until(() -> "FAILED".equals(deliveries(refused).get("national"))
                || karaf.operator("GET", "/dlq/national", null).body().contains(refused));

        browser = new ChromeDriver(service, options());
        // the page re-renders its tables every refresh: an element found a moment ago may be replaced, so look again
        wait = (WebDriverWait) new WebDriverWait(browser, SOON).ignoring(StaleElementReferenceException.class);
        String console = "http://127.0.0.1:" + karaf.httpPort + "/console";
        browser.get(console);
        assertThat(browser.getCurrentUrl()).isEqualTo(console + "/");
        assertThat(browser.getTitle()).contains("CreditGate");

        // a wrong password is refused on the page, without the browser's own login dialog
        login("karaf", "not-the-password");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "Login refused"));
        assertThat(byId("console-view").isDisplayed()).isFalse();

        // a viewer sees everything but cannot replay
        login("watcher", "watcher-pw");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console-view")));
        assertThat(byId("who").getText()).contains("watcher", "read-only");
        tab("dlq");
        assertThat(byId("dlq-replay").isEnabled()).isFalse();
        assertThat(byId("dlq-role").getText()).contains("manager or admin");
        byId("logout").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));

        login("karaf", "karaf");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console-view")));
        assertThat(byId("who").getText()).contains("karaf", "operator");
        assertThat(byId("login-view").isDisplayed()).isFalse();

        // the health table: every connector and upstream the gateway reports, with its state
        wait.until(d -> healthRow("connector:rest-scjgj") != null);
        JsonNode health = Samples.JSON.readTree(karaf.get("/health", null).body());
        for (JsonNode c : health.path("components")) {
            String name = c.path("component").asText();
            String shown = wait.until(d -> healthRow(name).findElements(By.tagName("td")).get(0).getText());
            assertThat(shown).isEqualTo(name);
        }
        wait.until(d -> "UP".equals(healthRow("connector:rest-scjgj").getAttribute("data-state")));
        for (String upstream : UpstreamSimulators.ALL) {
            wait.until(d -> healthRow("upstream:" + upstream));
        }
        // upstream counters from the metrics: province took three records (national refused one)
        wait.until(d -> cell(By.cssSelector("#upstream-table tr[data-upstream='province'] td:nth-child(2)"))
                .equals("3"));
        assertThat(browser.findElements(By.cssSelector("#legend-backlog span[data-series]"))).isNotEmpty();
        screenshot("overview");
        // national's dead letter: counted on the overview, and the alert it raised listed with its class
        wait.until(d -> cell(By.cssSelector("#upstream-table tr[data-upstream='national'] td:nth-child(8)"))
                .equals("1"));
        tab("alerts");
        wait.until(d -> {
            tab("alerts");
            return !d.findElements(By.cssSelector("#alerts-table tr[data-class='DLQ']")).isEmpty();
        });
        String alert = wait.until(d -> d.findElement(By.cssSelector("#alerts-table tr[data-class='DLQ']")).getText());
        assertThat(alert).contains("dead letters on national");
        tab("overview");


        // lineage by record id: each upstream's delivery with the receipt the ledger holds
        tab("lineage");
        lineage("record", company);
        WebElement box = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#lineage-result .record[data-record-id='" + company + "']")));
        for (String upstream : UpstreamSimulators.ALL) {
            WebElement row = box.findElement(By.cssSelector("table[data-section='deliveries'] tr[data-upstream='"
                    + upstream + "']"));
            assertThat(row.getAttribute("data-state")).isEqualTo("ACCEPTED");
            String receipt = karaf.delivery(company, upstream, TOKEN).path("receiptId").asText();
            if (!receipt.isEmpty()) {
                assertThat(row.getText()).contains(receipt);
            }
        }
        screenshot("lineage");
        assertThat(box.getText()).contains("Department", "scjgj", "rest-scjgj", "USCC 91350100M000100Y43");

        // lineage by subject: the full ID number is typed, only its masked form is ever shown
        lineage("subject", Samples.VALID_ID);
        WebElement personBox = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#lineage-result .record[data-record-id='" + person + "']")));
        assertThat(personBox.getText()).contains(Masking.idNo(Samples.VALID_ID));
        assertThat(byId("lineage-result").getText()).doesNotContain(Samples.VALID_ID).doesNotContain(company);

        // the dead letter, replayed after the rule is lifted, and seen delivered
        tab("dlq");
        new Select(byId("dlq-upstream")).selectByValue("national");
        byId("dlq-refresh").click();
        String letter = wait.until(d -> d.findElement(By.cssSelector("#dlq-table tr[data-record-id='" + refused + "']"))
                .getText());
        assertThat(letter).contains("VALIDATION", "E_RULE");
        upstreams.national.misbehaviour().clearRejectRules();
        byId("dlq-replay").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dlq-result"), "Give a reason"));
        byId("dlq-reason").sendKeys("rule lifted by national");
        byId("dlq-dry-run").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dlq-result"), "Dry run: would replay 1"));
        byId("dlq-replay").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dlq-result"), "Replayed 1 of 1"));
        assertThat(byId("dlq-result").getText()).contains(refused);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("#dlq-table tr[data-record-id='" + refused + "']")));
        tab("lineage");
        await().atMost(SOON).pollInterval(Duration.ofSeconds(1)).until(() -> {
            lineage("record", refused);
            WebElement found = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#lineage-result .record[data-record-id='" + refused + "']")));
            return found.findElements(By.cssSelector("table[data-section='deliveries'] tr[data-upstream='national']"
                    + "[data-state='ACCEPTED']")).size() == 1;
        });
        assertThat(upstreams.national.store().holds(refused, 1)).isTrue();

        // a shield held back by a paused platform: pending in the console, with its proof
        assertThat(karaf.client("creditgate:pause national")).contains("Upstream national PAUSED");
        var issued = karaf.operator("POST", "/shields", Samples.json(Map.of("shieldId", "S-CONSOLE-1",
                "targetRecordId", company, "cause", "REPAIR", "decisionRef", "市信用办〔2026〕修复61号")));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        tab("shields");
        By pending = By.cssSelector("#shields-table tr[data-shield-id='S-CONSOLE-1'][data-upstream='national'] button");
        wait.until(d -> {
            List<WebElement> rows = d.findElements(pending);
            if (rows.isEmpty()) {
                tab("shields");
                return false;
            }
            rows.get(0).click();
            return true;
        });
        WebElement proof = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shield-proof")));
        wait.until(ExpectedConditions.textToBePresentInElement(proof, "Proof of shield S-CONSOLE-1"));
        assertThat(proof.getText()).contains("REPAIR", company, "市信用办〔2026〕修复61号", "pending", "national",
                "province");
        screenshot("shield-proof");
        assertThat(karaf.client("creditgate:resume national")).contains("Upstream national RESUMED");
        wait.until(d -> {
            tab("shields");
            return d.findElements(By.cssSelector("#shields-table tr[data-shield-id='S-CONSOLE-1']")).isEmpty();
        });

        // deadline risks: the same items as the API reports
        tab("deadlines");
        JsonNode deadlines = Samples.JSON.readTree(karaf.operator("GET", "/deadlines", null).body());
        int items = deadlines.path("items").size();
        wait.until(d -> d.findElements(By.cssSelector("#deadline-table tbody tr")).size() == Math.max(1, items));
        assertThat(browser.findElements(By.cssSelector("#deadline-table tbody tr[data-record-id]"))).hasSize(items);

        assertThat(browser.getPageSource()).doesNotContain(Samples.VALID_ID);
        List<String> errors = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue() && !e.getMessage().contains("401")) {
                errors.add(e.getMessage());
            }
        }
        assertThat(errors).as("errors in the browser console").isEmpty();
    }

    /** What the page looked like, next to the run's Karaf (target/runs/console/console-*.png), for a failed run. */
    private void screenshot(String name) throws Exception {
        Path png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.FILE)
                .toPath();
        Files.copy(png, karaf.home.resolve("console-" + name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void login(String user, String password) {
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user")));
        name.clear();
        name.sendKeys(user);
        byId("login-password").clear();
        byId("login-password").sendKeys(password);
        byId("login-submit").click();
    }

    private void tab(String name) {
        browser.findElement(By.cssSelector(".tabs button[data-tab='" + name + "']")).click();
    }

    private void lineage(String kind, String query) {
        new Select(byId("lineage-kind")).selectByValue(kind);
        byId("lineage-query").clear();
        byId("lineage-query").sendKeys(query);
        byId("lineage-search").click();
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    /** The health table's row of a component (NoSuchElementException, which a wait retries, until there is one). */
    private WebElement healthRow(String component) {
        return browser.findElement(By.cssSelector("#health-table tr[data-component='" + component + "']"));
    }

    private String cell(By by) {
        List<WebElement> found = browser.findElements(by);
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    /** The health detail of an upstream ({@code GET /health}, component upstream:<id>), or "" before it is checked. */
    private String upstreamDetail(String upstream) throws Exception {
        for (JsonNode c : Samples.JSON.readTree(karaf.get("/health", null).body()).path("components")) {
            if (c.path("component").asText().equals("upstream:" + upstream)) {
                return c.path("detail").asText();
            }
        }
        return "";
    }

    private Map<String, String> deliveries(String recordId) {
        try {
            return karaf.deliveryStates(recordId, TOKEN);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChromeOptions options() throws Exception {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(executable("CHROME_BIN", "chromium", "chromium-browser", "google-chrome"));
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start
        o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--user-data-dir=" + Files.createTempDirectory("console-it-chrome"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        return o;
    }

    /** The Debian chromedriver (never Selenium Manager: it would download a browser, and CI has no network). */
    private static ChromeDriverService chromeDriver() {
        File driver = executable("CHROMEDRIVER", "chromedriver");
        executable("CHROME_BIN", "chromium", "chromium-browser", "google-chrome");
        return new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
    }

    private static File executable(String env, String... names) {
        String override = System.getenv(env);
        if (override != null && !override.isBlank() && Files.isExecutable(Path.of(override))) {
            return new File(override);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p.toFile();
                }
            }
        }
        String hint = String.join("/", names) + " not found: install Debian's chromium and chromium-driver packages "
                + "(apt-get install -y --no-install-recommends chromium chromium-driver; .ci/run does it in CI) or "
                + "set " + env;
        assertThat("true".equalsIgnoreCase(System.getenv("CI"))).as(hint).isFalse();
        Assumptions.abort(hint);
        return null;
    }
}
