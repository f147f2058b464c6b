package dev.tsuzuku.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tsuzuku.render.FfmpegBinaries;
import dev.tsuzuku.render.FfmpegMediaTool;
import dev.tsuzuku.render.FfmpegProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The player in headless Chromium (Debian's chromium + chromium-driver) against the real server:
 * tiny episodes made with the bundled ffmpeg, two released and one not. Screenshots go to
 * target/screenshots/. Without Chromium the tests are skipped, except under CI=true, where they fail.
 */
class PlayerBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target/screenshots");
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    @TempDir
    static Path tmp;

    private static PlayerServer server;
    private ChromeDriver browser;

    @BeforeAll
    static void fixtures() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            String why = "headless Chromium is missing (" + CHROMIUM + ", " + DRIVER + "); install: apt-get install chromium chromium-driver";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        FfmpegBinaries ff = FfmpegBinaries.locate();
        FfmpegProcess ffmpeg = new FfmpegProcess(ff);
        Map<Integer, Path> dirs = new java.util.TreeMap<>();
        for (int n = 1; n <= 3; n++) {
            Path dir = Files.createDirectories(tmp.resolve("episodes/00" + n));
            ffmpeg.run(List.of(ff.ffmpeg().toString(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc2=size=270x480:rate=30:duration=5",
                    "-f", "lavfi", "-i", "sine=frequency=" + (300 + 100 * n) + ":sample_rate=48000:duration=5",
                    "-vf", "hue=h=" + (n * 120), // each episode its own colours
                    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "30", "-keyint_min", "30", "-sc_threshold", "0",
                    "-c:a", "aac", "-b:a", "64k", "-ac", "2", "-movflags", "+faststart", "-shortest",
                    dir.resolve("episode.mp4").toString()));
            ffmpeg.run(List.of(ff.ffmpeg().toString(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc2=size=270x480:rate=1:duration=1", "-frames:v", "1", dir.resolve("cover.jpg").toString()));
            Files.writeString(dir.resolve("episode.vtt"), "WEBVTT\n\n00:00.000 --> 00:05.000\nHello from episode " + n + "\n");
            Files.writeString(dir.resolve("manifest.json"), "{\"durationSeconds\": 5.0, \"hook\": {\"text\": \"Who rang the bell?\"},"
                    + " \"shots\": [{\"index\": 0, \"seconds\": 2.0}]}");
            dirs.put(n, dir);
        }
        // episode 1 streams through the HLS ladder (hls.js in Chromium); episode 2 is the MP4 fallback
        Path hls = Files.createDirectories(dirs.get(1).resolve("hls"));
        FfmpegMediaTool.local().hls(dirs.get(1).resolve("episode.mp4"), hls);
        Library library = MoonTales.library(new Library.Episode(1, "The Well", dirs.get(1)),
                new Library.Episode(2, "The Bell", dirs.get(2)));
        NextDrop drop = (series, now) -> Optional.of(NOW.plusSeconds(14 * 60 + 32));
        server = new PlayerServer(List.of(new PlayerRoutes(library, drop, Clock.fixed(NOW, ZoneOffset.UTC))));
        server.start("127.0.0.1", 0);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void open() {
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--autoplay-policy=no-user-gesture-required", "--mute-audio", "--window-size=390,844");
        options.setExperimentalOption("mobileEmulation", Map.of(
                "deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true),
                "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
        browser.get(server.baseUrl() + "/watch/");
    }

    @AfterEach
    void close(TestInfo test) throws IOException {
        if (browser != null) {
            shot(test.getTestMethod().orElseThrow().getName() + "-end");
            browser.quit();
        }
    }

    private void shot(String name) throws IOException {
        Files.write(SHOTS.resolve("player-" + name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(100));
    }

    private double currentTime() {
        return ((Number) js("return document.getElementById('player').currentTime")).doubleValue();
    }

    private void playsPast(double seconds) {
        waiting().withMessage(() -> "the video never played past " + seconds + " s (state " + js("return JSON.stringify(window.tsuzuku && window.tsuzuku.state())")
                + ", error " + js("var e = document.getElementById('player').error; return e && e.message") + ")")
                .until(d -> currentTime() > seconds);
    }

    private String episode() {
        return browser.findElement(By.tagName("body")).getDomAttribute("data-episode");
    }

    @Test
    void the_first_episode_plays_through_hls_js_with_subtitles_on_and_the_countdown_to_the_next_drop() throws IOException {
        playsPast(0.5);
        assertThat(episode()).isEqualTo("1");
        assertThat(js("return document.body.dataset.source")).isEqualTo("hls.js");
        // what bench serve reads for the first frame: the page's own marks, in ms since navigation start
        waiting().withMessage("the player recorded no first frame").until(d -> js("return window.tsuzuku.firstFrame().playing") != null);
        assertThat(((Number) js("return window.tsuzuku.firstFrame().loadeddata")).doubleValue()).isPositive();
        waiting().withMessage("no subtitle cue showing").until(d -> "Hello from episode 1".equals(
                js("var t = document.getElementById('player').textTracks[0];"
                        + " return t && t.mode === 'showing' && t.activeCues && t.activeCues.length ? t.activeCues[0].text : null")));
        WebElement countdown = browser.findElement(By.id("countdown"));
        waiting().until(d -> countdown.isDisplayed());
        assertThat(countdown.getText()).matches("next episode in 14:\\d\\d");
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("Moon Tales · 1. The Well");
        shot("playing");

        browser.findElement(By.id("subs")).click();
        assertThat(js("return document.getElementById('player').textTracks[0].mode")).isEqualTo("hidden");
        assertThat(js("return localStorage.getItem('tsuzuku.subs')")).isEqualTo("false");
    }

    @Test
    void a_swipe_up_goes_to_the_next_episode_which_plays_and_is_resumed_after_a_reload() throws IOException {
        playsPast(0.3);
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        Sequence swipe = new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), 195, 650))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                .addAction(finger.createPointerMove(Duration.ofMillis(150), PointerInput.Origin.viewport(), 195, 200))
                .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        browser.perform(List.of(swipe));

        waiting().withMessage("the swipe did not move to episode 2").until(d -> "2".equals(episode()));
        playsPast(1.0);
        assertThat(js("return document.body.dataset.source")).isEqualTo("mp4");
        waiting().withMessage("the subtitles on screen are not episode 2's alone").until(d -> "Hello from episode 2".equals(js(
                "var v = document.getElementById('player'), out = [];"
                        + " for (var i = 0; i < v.textTracks.length; i++) { var t = v.textTracks[i];"
                        + "   if (t.mode === 'showing' && t.activeCues) { for (var j = 0; j < t.activeCues.length; j++) out.push(t.activeCues[j].text); } }"
                        + " return out.join('|');")));
        shot("after-swipe");

        browser.navigate().refresh();
        waiting().withMessage("a reload did not resume episode 2").until(d -> "2".equals(episode()));
        playsPast(1.0);
    }

    @Test
    void the_grid_lists_only_released_episodes_and_an_unreleased_episode_is_404() throws IOException {
        playsPast(0.2);
        browser.findElement(By.id("grid-open")).click();
        List<WebElement> tiles = browser.findElements(By.cssSelector("#episodes li"));
        assertThat(tiles).extracting(t -> t.getDomAttribute("data-episode")).containsExactly("1", "2");
        shot("grid");

        String mp4 = (String) js("return document.getElementById('player').poster");
        String unreleased = mp4.replaceFirst("/media/moon-tales/1/", "/media/moon-tales/3/").replace("cover.jpg", "episode.mp4");
        Object status = ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status));", unreleased);
        assertThat(((Number) status).intValue()).isEqualTo(404);
        browser.get(unreleased);
        assertThat(browser.getPageSource()).containsIgnoringCase("not found").doesNotContain("ftyp");
    }
}
