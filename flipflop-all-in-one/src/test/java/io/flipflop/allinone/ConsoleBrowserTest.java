package io.flipflop.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.app.AppCredentials;
import io.flipflop.query.readmodel.ReadModelProcessing;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The console in a real browser: Debian's chromium, headless, driven through chromedriver against the all-in-one
 * platform. One walk through what a new user does, with a screenshot of each page in
 * {@code target/screenshots/}; the browser's console must stay free of errors throughout.
 */
@ExtendWith(ThreadDumpOnFailure.class)
@SpringBootTest(classes = FlipFlopAllInOne.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "flipflop.mongodb.in-memory=true")
class ConsoleBrowserTest extends PublishingTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration SOON = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /**
     * Network failures the console expects and explains on the page: the session probe before login (401), and
     * usage or webhooks on a server without them (404).
     */
    private static final Pattern EXPECTED_FAILURE = Pattern.compile(
            ".*/console/v1/apps(/\\d+/(usage\\S*|callback\\S*))? - Failed to load resource: the server responded "
                    + "with a status of (401|404) .*");

    @TempDir
    Path profile;
    @Autowired
    EventProcessingConfiguration processing;

    FlipFlopClient flipflop;
    WebDriver browser;
    final List<String> consoleErrors = new ArrayList<>();

    @BeforeEach
    void startBrowser() {
        flipflop = new FlipFlopClient(http);
        if (!new File(CHROMEDRIVER).canExecute() || !new File(CHROMIUM).canExecute()) {
            fail("The browser test needs Debian's packages chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "): apt-get install chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--autoplay-policy=no-user-gesture-required",
                "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aNewUserSetsUpAnAppWatchesARoomGoLiveAndAPostGetProcessed() throws Exception {
        // sign up → create app → credentials visible once
        AppCredentials created = signUpWithAnApp("Browser app");

        browser.navigate().refresh();
        waitFor(By.id("rotate"));
        assertThat(browser.findElements(By.id("api-secret"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(created.apiSecret());

        // rotate, behind a confirmation, by keyboard: the dialog opens on Cancel, and Escape cancels
        WebElement rotate = waitFor(By.id("rotate"));
        rotate.sendKeys(Keys.ENTER);
        waitFor(By.cssSelector("dialog[open]"));
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Cancel");
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        new WebDriverWait(browser, SOON).until(ExpectedConditions.numberOfElementsToBe(By.tagName("dialog"), 0));
        assertThat(browser.findElements(By.id("api-secret"))).isEmpty();
        rotate.sendKeys(Keys.ENTER);
        waitFor(By.cssSelector("dialog[open]"));
        new Actions(browser).sendKeys(Keys.TAB, Keys.ENTER).perform();
        AppCredentials app = shownCredentials();
        assertThat(app.apiSecret()).isNotEqualTo(created.apiSecret());
        flipflop.asApp(created, "/v2/apps/me/members").exchange().expectStatus().isUnauthorized();
        assertThat(storedInBrowser()).isZero();

        // a member appears after an App API login, and the search finds members by name
        flipflop.loginMember(app, "host1", "Host One");
        flipflop.loginMember(app, "zed2", "Zed Two");
        click(By.cssSelector("a[href$='/members']"));
        await().atMost(SOON).until(() -> {
            click(By.cssSelector("#main form button[type=submit]"));
            return browser.findElements(By.cssSelector("tr[data-app-user-id]")).size() == 2;
        });
        type(By.id("member-search"), "host");
        click(By.cssSelector("#main form button[type=submit]"));
        new WebDriverWait(browser, SOON).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("tr[data-app-user-id]"), 1));
        assertThat(browser.findElement(By.id("members")).getText()).contains("Host One").doesNotContain("Zed");
        screenshot("members");
        for (int i = 0; i < 20; i++) {
            flipflop.loginMember(app, "fan" + i, "Fan " + i);
        }
        type(By.id("member-search"), "");
        await().atMost(SOON).until(() -> {
            click(By.cssSelector("#main form button[type=submit]"));
            return browser.findElement(By.id("members")).getText().contains("Page 1 of 2");
        });
        assertThat(browser.findElements(By.cssSelector("tr[data-app-user-id]"))).hasSize(20);
        click(By.xpath("//button[text()='Next']"));
        new WebDriverWait(browser, SOON).until(ExpectedConditions.textToBePresentInElementLocated(By.id("members"),
                "Page 2 of 2"));
        assertThat(browser.findElements(By.cssSelector("tr[data-app-user-id]"))).hasSize(2);

        // a room created through the API; its state follows the events without a reload
        long roomId = flipflop.createRoom(app, Map.of("appUserId", "host1", "type", "BROADCAST_RTMP",
                "title", "Console show", "scheduledAt", Instant.now().plusSeconds(600).toString()));
        click(By.cssSelector("a[href$='/rooms']"));
        By roomState = By.cssSelector("tr[data-room-id='" + roomId + "'] .state");
        await().atMost(SOON).until(() -> {
            if (browser.findElements(roomState).isEmpty()) {
                browser.navigate().refresh(); // only until the read model has the room
            }
            return !browser.findElements(roomState).isEmpty();
        });
        waitFor(By.cssSelector("html[data-live]"));
        assertThat(browser.findElement(roomState).getText()).isEqualTo("SCHEDULED");

        Broadcasting broadcasting = new Broadcasting(flipflop, app, rtmp.port());
        String streamKey = broadcasting.streamKey("host1");
        publisher = broadcasting.publish(streamKey, 300);
        await().atMost(SOON).until(() -> "ACTIVE".equals(keyState(app)));
        http.post().uri("/v2/apps/me/video-rooms/{id}/rtmp-broadcast/state/live", roomId)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.videoRoomState").isEqualTo("LIVE");
        new WebDriverWait(browser, Duration.ofSeconds(1))
                .until(ExpectedConditions.textToBe(roomState, "LIVE"));
        screenshot("rooms");

        // the room page plays the stream
        click(By.cssSelector("tr[data-room-id='" + roomId + "'] a"));
        waitFor(By.id("play")).click();
        await().atMost(SOON).until(() -> videoTime() > 1.5);
        assertThat(browser.findElement(By.id("history")).getText()).contains("VideoRoomWentLive");
        screenshot("room");
        click(By.xpath("//button[text()='Show the stream key']"));
        waitFor(By.cssSelector("#ingest code"));
        assertThat(browser.findElement(By.id("ingest")).getText()).contains(streamKey);
        screenshot("room-ingest");
        browser.manage().window().setSize(new Dimension(390, 844)); // a phone: one column, nothing cut off
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth;")).intValue()).isLessThanOrEqualTo(390);
        screenshot("room-phone");
        browser.manage().window().setSize(new Dimension(1280, 1000));

        // the publisher drops: the room page follows too, and its history grows
        publisher.destroyForcibly();
        new WebDriverWait(browser, SOON).until(ExpectedConditions.textToBe(By.id("room-state"), "LIVE_INACTIVE"));
        new WebDriverWait(browser, SOON).until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"),
                "VideoRoomIngestLost"));

        // usage: charts with the ingest just published where metering is built, else a clear "not available"
        click(By.cssSelector("a[href$='/usage']"));
        waitFor(By.cssSelector("#usage-unavailable, #usage [data-chart] canvas"));
        if (browser.findElements(By.id("usage-unavailable")).isEmpty()) {
            await().atMost(SOON).until(() -> {
                browser.navigate().refresh(); // metering is a projection: it may trail the ingest a little
                return Double.parseDouble(waitFor(By.id("usage-ingest-minutes")).getText()) > 0;
            });
            waitFor(By.cssSelector("#usage [data-chart=ingestMinutes] canvas"));
        }
        screenshot("usage");

        click(By.cssSelector("a[href$='/webhooks']"));
        waitFor(By.cssSelector("#webhooks-unavailable, #callback-url"));
        screenshot("webhooks");

        // a post uploaded through the App API appears, is transcoded and becomes PROCESSED without a reload
        click(By.cssSelector("a[href$='/posts']"));
        waitFor(By.cssSelector("#posts p, #posts table"));
        waitFor(By.cssSelector("html[data-live]"));
        Posting posting = new Posting(flipflop, app);
        long postId = posting.create("host1", "Console clip", "MEMBER");
        By postState = By.cssSelector("tr[data-post-id='" + postId + "'] .state");
        new WebDriverWait(browser, SOON).until(ExpectedConditions.textToBe(postState, "CREATED"));
        posting.upload(postId, Files.readAllBytes(Posting.source("640x360", 2)), 1);
        new WebDriverWait(browser, Posting.TRANSCODING).until(ExpectedConditions.textToBe(postState, "PROCESSED"));
        By thumbnail = By.cssSelector("tr[data-post-id='" + postId + "'] img.thumbnail");
        await().atMost(SOON).until(() -> ((Number) ((JavascriptExecutor) browser).executeScript(
                "return arguments[0].naturalWidth;", waitFor(thumbnail))).intValue() > 0);
        screenshot("posts");
        click(By.cssSelector("tr[data-post-id='" + postId + "'] button.watch"));
        await().atMost(SOON).until(() -> videoTime() > 0.5);
        browser.manage().window().setSize(new Dimension(390, 844));
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth;")).intValue()).isLessThanOrEqualTo(390);
        screenshot("posts-phone");
        browser.manage().window().setSize(new Dimension(1280, 1000));

        assertThat(storedInBrowser()).isZero();
        click(By.xpath("//button[text()='Log out']"));
        waitFor(By.id("password"));
        browser.get("http://localhost:" + port + "/console/#/apps");
        waitFor(By.id("password"));

        readConsoleLog();
        assertThat(consoleErrors).isEmpty();
    }

    /**
     * The page hears of a new post from one processor, and asks the list from read models another writes: held back
     * here for a second, they answer without the post at first, and the page asks again until they show it (before,
     * it took that first answer and kept it until the next event).
     */
    @Test
    void aNewPostAppearsOnceTheReadModelsHaveItThoughTheyTrailItsLiveEvent() throws Exception {
        AppCredentials app = signUpWithAnApp("Posts held back");
        flipflop.loginMember(app, "poster1", "Poster One");
        await().atMost(SOON).until(() -> flipflop.asApp(app, "/v2/apps/me/members/poster1").exchange()
                .returnResult(String.class).getStatus().value() == 200);
        click(By.cssSelector("a[href$='/posts']"));
        waitFor(By.cssSelector("#posts p, #posts table"));
        waitFor(By.cssSelector("html[data-live]"));

        EventProcessor readModels = processing.eventProcessor(ReadModelProcessing.PROCESSOR).orElseThrow();
        long postId;
        readModels.shutDown();
        try {
            postId = new Posting(flipflop, app).create("poster1", "Held back", "MEMBER");
            Thread.sleep(1_000); // the live event reaches the page meanwhile; the read models stay without the post
        } finally {
            readModels.start();
        }

        new WebDriverWait(browser, SOON).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-post-id='" + postId + "']")));
    }

    @Test
    void answersCarryingSecretsAreNeverCached() {
        var session = flipflop.signUp("cache" + System.nanoTime() + "@example.com", "correct horse battery");
        http.post().uri("/console/v1/apps").header(HttpHeaders.AUTHORIZATION, "Bearer " + session.sessionToken())
                .bodyValue(Map.of("name", "Cached?")).exchange()
                .expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"));
    }

    @Test
    void thePageAndItsBundledLibrariesAreServedFromHereOnly() {
        http.get().uri("/console").exchange().expectStatus().isPermanentRedirect()
                .expectHeader().location("/console/");
        http.get().uri("/console/").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'", "script-src 'self'", "connect-src 'self'"));
        for (String library : List.of("hls.js/hls.min.mjs", "uplot/uPlot.esm.js")) {
            http.get().uri("/console/vendor/" + library).exchange().expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith("text/javascript");
        }
    }

    @Test
    void loggingOutClearsTheSessionCookieEvenWithoutASession() {
        http.post().uri("/console/v1/logout").exchange()
                .expectStatus().isNoContent()
                .expectHeader().value(HttpHeaders.SET_COOKIE, cookie -> assertThat(cookie)
                        .startsWith("FLIPFLOP_SESSION=;").contains("Max-Age=0", "HttpOnly", "SameSite=Strict"));
    }

    private AppCredentials shownCredentials() {
        waitFor(By.id("api-secret"));
        List<WebElement> values = browser.findElements(By.cssSelector("#credentials code.value"));
        String appId = browser.getCurrentUrl().replaceAll(".*#/apps/(\\d+).*", "$1");
        return new AppCredentials(Long.parseLong(appId), values.get(0).getText(), values.get(1).getText());
    }

    /** A new user signs up on the console's first page and creates an app, whose credentials the page shows. */
    private AppCredentials signUpWithAnApp(String appName) throws Exception {
        browser.get("http://localhost:" + port + "/console/");
        waitFor(By.cssSelector("a[href='#/signup']"));
        screenshot("login");
        click(By.cssSelector("main a[href='#/signup']"));
        type(By.id("email"), "owner" + System.nanoTime() + "@example.com");
        type(By.id("password"), "correct horse battery");
        screenshot("signup");
        click(By.cssSelector("main button[type=submit]"));
        type(By.id("app-name"), appName);
        click(By.cssSelector("main form button[type=submit]"));
        AppCredentials created = shownCredentials();
        screenshot("credentials");
        return created;
    }

    private String keyState(AppCredentials app) {
        return flipflop.asApp(app, "/v2/apps/me/members/host1/stream-key").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("streamKeyState").asText();
    }

    private double videoTime() {
        Object time = ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('player').currentTime;");
        return ((Number) time).doubleValue();
    }

    private long storedInBrowser() {
        Object count = ((JavascriptExecutor) browser).executeScript(
                "return localStorage.length + sessionStorage.length;");
        return ((Number) count).longValue();
    }

    private WebElement waitFor(By what) {
        return new WebDriverWait(browser, SOON).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    private void click(By what) {
        new WebDriverWait(browser, SOON).until(ExpectedConditions.elementToBeClickable(what)).click();
    }

    private void type(By field, String text) {
        WebElement input = waitFor(field);
        input.clear();
        input.sendKeys(text);
    }

    private void screenshot(String page) throws Exception {
        readConsoleLog();
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The browser hands each log entry out once, so the log is read as the test goes. */
    private void readConsoleLog() {
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
                    && !EXPECTED_FAILURE.matcher(entry.getMessage()).matches()) {
                consoleErrors.add(entry.getMessage());
            }
        }
    }
}
