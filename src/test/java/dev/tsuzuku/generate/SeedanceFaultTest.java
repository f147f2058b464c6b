package dev.tsuzuku.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.jobs.JobEngine;
import dev.tsuzuku.store.Database;
import dev.tsuzuku.store.TestDatabases;
import dev.tsuzuku.video.CostEstimator;
import dev.tsuzuku.video.SeedanceVideo;
import dev.tsuzuku.video.TakeRequest;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The take engine driving the real Seedance adapter against a local stub of its documented
 * protocol that serves real 9:16 MP4 clips, checked by the real {@link MediaClipCheck}: random
 * 429s and 5xx, a queue limit, tasks that expire or are moderated, and a provider that goes dark.
 */
class SeedanceFaultTest {
    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    static Path shared;
    static Database db;
    static Path clip;
    static MediaClipCheck check;

    @TempDir
    Path root;
    SeedanceStub stub;
    JobEngine jobs;
    TakeEngine takes;

    @BeforeAll
    static void setUpAll() {
        db = Database.open(new Workspace(shared.resolve("ws")));
        clip = TestClips.vertical(shared, "take.mp4", 5);
        check = MediaClipCheck.local();
    }

    @AfterAll
    static void tearDownAll() {
        db.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        TestDatabases.empty(db);
        stub = new SeedanceStub(Files.readAllBytes(clip), () -> jobs == null ? T0 : jobs.clock().instant(), 7);
        SeedanceVideo seedance = new SeedanceVideo(stub.base(), SeedanceStub.KEY, null, Duration.ofSeconds(2),
                Duration.ofSeconds(5), Clock.fixed(T0, ZoneOffset.UTC));
        takes = TakeEngine.builder(db, root).video(seedance, 3).clipCheck(check)
                .polling(Duration.ofSeconds(10), Duration.ofSeconds(30)).darkAfter(Duration.ofMinutes(30)).build();
        jobs = takes.register(JobEngine.on(db, Clock.fixed(T0, ZoneOffset.UTC))).startManual();
    }

    @AfterEach
    void tearDown() {
        jobs.stop();
        stub.close();
    }

    static TakeRequest shot(String prompt) {
        return TakeRequest.of("ignored", prompt, 5);
    }

    static final CostEstimator.Estimate ESTIMATE = CostEstimator.listPrices().video("seedance",
            SeedanceVideo.DEFAULT_MODEL, TakeRequest.of("k", "p", 5));

    @Test
    void random_429s_5xx_expiry_and_moderation_still_give_every_shot_a_verified_take_paid_once() {
        stub.p429 = 0.25;
        stub.p5xx = 0.15;
        stub.queueLimit = 3;
        for (int i = 1; i <= 10; i++) {
            String prompt = switch (i) {
                case 3 -> "the ronin, blood on the snow";
                case 5 -> "a lantern drifts downstream, expire-once";
                default -> "shot " + i + ": the fox looks back";
            };
            takes.request(new ShotKey("tales", 1, i), "seedance", shot(prompt), ESTIMATE);
        }
        List<Take> all = takes.awaitSettled("tales", 1, Duration.ofDays(1));

        for (int i = 1; i <= 10; i++) {
            ShotKey key = new ShotKey("tales", 1, i);
            assertThat(takes.chosen(key)).as("shot %d has a verified take", i)
                    .hasValueSatisfying(t -> assertThat(t.state()).isEqualTo(TakeState.VERIFIED));
            assertThat(root.resolve(takes.chosen(key).orElseThrow().file())).exists();
        }
        assertThat(all).filteredOn(t -> t.state() == TakeState.MODERATED).singleElement()
                .satisfies(t -> assertThat(t.prompt()).contains("blood"));
        assertThat(takes.chosen(new ShotKey("tales", 1, 3)).orElseThrow().prompt()).doesNotContain("blood");
        assertThat(takes.chosen(new ShotKey("tales", 1, 5)).orElseThrow().attempt()).isEqualTo(2);
        assertThat(stub.createsByTag().values()).as("no idempotency key was paid twice").allMatch(n -> n == 1);
        assertThat(stub.totalCreates()).as("10 shots + 1 softened rewrite + 1 retry after expiry").isEqualTo(12);
        assertThat(stub.maxActive()).as("never more than the account's 3 in flight").isLessThanOrEqualTo(3);
        assertThat(stub.refused()).as("the faults really happened").isPositive();
        assertThat(all).filteredOn(t -> t.state() == TakeState.VERIFIED)
                .allSatisfy(t -> assertThat(t.usageAmount()).isEqualTo(102960));
    }

    @Test
    void a_provider_that_goes_dark_mid_episode_keeps_what_was_verified_and_fails_the_rest() {
        for (int i = 1; i <= 6; i++) {
            takes.request(new ShotKey("tales", 1, i), "seedance", shot("shot " + i), ESTIMATE);
        }
        for (int round = 0; round < 100 && verified() < 2; round++) {
            jobs.runDue();
            jobs.advance(Duration.ofSeconds(10));
        }
        int before = verified();
        assertThat(before).isGreaterThanOrEqualTo(2);
        stub.dark();

        List<Take> all = takes.awaitSettled("tales", 1, Duration.ofDays(1));
        Map<TakeState, Long> states = all.stream().collect(Collectors.groupingBy(Take::state, Collectors.counting()));
        assertThat(states.get(TakeState.VERIFIED)).isEqualTo((long) before);
        assertThat(states.get(TakeState.FAILED)).isEqualTo(6L - before);
        assertThat(all).filteredOn(t -> t.state() == TakeState.FAILED)
                .allSatisfy(t -> assertThat(t.failure()).contains("unreachable"));
        assertThat(stub.createsByTag().values()).allMatch(n -> n == 1);
    }

    private int verified() {
        return (int) takes.takes("tales", 1).stream().filter(t -> t.state() == TakeState.VERIFIED).count();
    }

    @Test
    void the_clip_check_accepts_a_real_vertical_take_and_names_what_is_wrong_with_the_others() throws Exception {
        assertThat(check.problems(clip, 5)).isEmpty();
        assertThat(check.problems(TestClips.blank(root, "black.mp4", 5), 5)).singleElement().asString().contains("blank");
        assertThat(check.problems(TestClips.wide(root, "wide.mp4", 5), 5)).singleElement().asString().contains("not 9:16");
        assertThat(check.problems(clip, 10)).singleElement().asString().contains("asked 10 s");
        Path junk = Files.writeString(root.resolve("junk.mp4"), "<html>AccessDenied</html>");
        assertThat(check.problems(junk, 5)).singleElement().asString().contains("not a media file");
    }
}
