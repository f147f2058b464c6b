package dev.tsuzuku.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The studio in headless Chromium (Debian's chromium and chromium-driver, installed by
 * scripts/setup.sh) against the real server on a free port: the login stops a visitor, the
 * password lets the producer in, and approve and release from the review page move the episode
 * in the state database. Screenshots go to target/screenshots/.
 */
class StudioBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    private StudioFixture f;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            String why = "the studio browser tests need " + CHROMIUM + " and " + DRIVER + " (scripts/setup.sh installs chromium and chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            System.err.println("SKIPPED: " + why);
            Assumptions.assumeTrue(false, why);
        }
        f = new StudioFixture(dir);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--user-data-dir=" + dir.resolve("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (f != null) {
            f.close();
        }
    }

    @Test
    void the_studio_rejects_a_visitor_and_lets_the_producer_approve_and_release_from_the_review_page() throws IOException {
        browser.get(f.uri("/studio").toString());
        assertThat(browser.findElement(By.id("login")).isDisplayed()).isTrue();
        assertThat(browser.getPageSource()).doesNotContain("The Turtle");
        Object apiStatus = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch('/api/series').then(r => done(r.status));");
        assertThat(apiStatus).isEqualTo(401L);
        screenshot("studio-1-login");

        browser.findElement(By.id("password")).sendKeys("not the password");
        browser.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "wrong password"));
        assertThat(browser.getCurrentUrl()).endsWith("/studio");
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys(StudioFixture.PASSWORD);
        browser.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.episodes")));
        List<WebElement> rows = browser.findElements(By.cssSelector("table.episodes tbody tr"));
        assertThat(rows).extracting(WebElement::getText).satisfiesExactly(
                r -> assertThat(r).contains("The Turtle").contains("produced"),
                r -> assertThat(r).contains("The Palace Under the Sea").contains("produced"),
                r -> assertThat(r).contains("The Box").contains("planned"));
        screenshot("studio-2-dashboard");

        browser.findElement(By.cssSelector("tr[data-episode='1'] a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approve")));
        assertThat(browser.findElement(By.id("hook")).getText()).isEqualTo("Why would a turtle weep <for> a fisherman?");
        assertThat(browser.findElement(By.id("script")).getText()).contains("Who hurt you, little one?");
        assertThat(browser.findElement(By.id("animatic")).getAttribute("src")).endsWith("/studio/media/tales/1/episode.mp4");
        assertThat(browser.findElement(By.id("release")).isEnabled()).isFalse();
        screenshot("studio-3-review");

        browser.findElement(By.id("approve")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "approved"));
        assertThat(f.desk.view().episodes().get(0).status()).isEqualTo("approved");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("release"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "released"));
        assertThat(f.desk.view().episodes().get(0).status()).isEqualTo("released");
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Episode 1 is released.");
        screenshot("studio-4-released");

        browser.get(f.uri("/studio").toString());
        assertThat(browser.findElement(By.cssSelector("tr[data-episode='1']")).getText()).contains("released");
        screenshot("studio-5-dashboard-after");
    }

    @Test
    void a_regeneration_that_fails_in_the_background_shows_on_the_review_page() throws IOException {
        java.util.concurrent.atomic.AtomicReference<SeriesDesk.RegenerationJob> job = new java.util.concurrent.atomic.AtomicReference<>();
        SeriesDesk desk = new SeriesDesk() { // the real desk, with a background produce that fails (WorkspaceDesk's own states: GenerationEndToEndTest)
            @Override
            public String id() {
                return f.desk.id();
            }

            @Override
            public SeriesView view() {
                return f.desk.view();
            }

            @Override
            public java.util.Optional<EpisodeReview> review(int episode) {
                return f.desk.review(episode);
            }

            @Override
            public EpisodeView approve(int episode, String by) {
                return f.desk.approve(episode, by);
            }

            @Override
            public EpisodeView release(int episode, String by) {
                return f.desk.release(episode, by);
            }

            @Override
            public Regeneration regenerate(int episode, int shot, String provider) {
                job.set(new RegenerationJob("1", episode, shot, provider, "failed", "the provider refused the prompt", f.clock.instant()));
                return new Regeneration(episode, shot, provider, null, "queued");
            }

            @Override
            public List<String> providers() {
                return f.desk.providers();
            }

            @Override
            public java.util.Optional<Path> episodeFile(int episode, String name) {
                return f.desk.episodeFile(episode, name);
            }

            @Override
            public List<RegenerationJob> regenerations(int episode) {
                return job.get() == null ? List.of() : List.of(job.get());
            }
        };
        StudioLogin.Opened login = StudioLogin.open(dir.resolve("login-2"), StudioFixture.PASSWORD, new java.security.SecureRandom(), 1_000);
        try (dev.tsuzuku.serve.PlayerServer server = new dev.tsuzuku.serve.PlayerServer(List.of(new StudioRoutes(List.of(desk), login,
                new Sessions(f.clock, new java.security.SecureRandom()), TakeIntake.NONE, java.util.Optional.empty(), false)))) {
            server.start("127.0.0.1", 0);
            browser.get(server.baseUrl() + "/studio/series/tales/episodes/1");
            browser.findElement(By.id("password")).sendKeys(StudioFixture.PASSWORD);
            browser.findElement(By.id("login-button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[data-regenerate]"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#jobs li[data-state='failed']")));
            assertThat(browser.findElement(By.cssSelector("#jobs li")).getText()).contains("Shot 1", "failed", "the provider refused the prompt");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Regenerating shot 1 failed"));
            assertThat(browser.findElement(By.id("message")).getAttribute("class")).contains("bad");
            screenshot("studio-6-regenerate-failed");
        }
    }

    private void screenshot(String name) throws IOException {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
