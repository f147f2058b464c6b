package dev.tsuzuku.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.jobs.JobEngine;
import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.ProviderFailure;
import dev.tsuzuku.store.Database;
import dev.tsuzuku.store.TestDatabases;
import dev.tsuzuku.video.CostEstimator;
import dev.tsuzuku.video.TakeRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The take engine's contract, on the embedded database and on PostgreSQL: intent before the
 * call, idempotent requests, reconciliation instead of resubmission, slots counted in the
 * database, backoff, moderation, expiry and a provider that goes dark. The job engine runs in
 * manual mode, so provider time passes without sleeping.
 */
abstract class TakeEngineContract {
    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    static final ShotKey SHOT = new ShotKey("tales", 1, 1);
    static final CostEstimator.Estimate ESTIMATE = new CostEstimator.Estimate("fake", "m", "tokens", 102960, 0.25,
            "102960 tokens × $2.40/M");

    @TempDir
    Path root;
    Path clip;
    FakeVideo fake;
    JobEngine jobs;
    TakeEngine takes;

    protected abstract Database database();

    @BeforeEach
    void setUp() throws Exception {
        TestDatabases.empty(database());
        clip = root.resolve("clip.mp4");
        Files.write(clip, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'});
        fake = new FakeVideo("fake", true, clip);
    }

    @AfterEach
    void tearDown() {
        if (jobs != null) {
            jobs.stop();
        }
    }

    void start(FakeVideo provider, int concurrency) {
        start(provider, concurrency, b -> b);
    }

    void start(FakeVideo provider, int concurrency, java.util.function.UnaryOperator<TakeEngine.Builder> extra) {
        takes = extra.apply(TakeEngine.builder(database(), root).video(provider, concurrency)
                .clipCheck(ClipCheck.nonEmpty()).polling(Duration.ofSeconds(10), Duration.ofSeconds(30))).build();
        jobs = takes.register(JobEngine.on(database(), CLOCK)).startManual();
    }

    static TakeRequest request(String prompt) {
        return TakeRequest.of("ignored", prompt, 5);
    }

    List<Take> settle() {
        return takes.awaitSettled(SHOT.series(), SHOT.episode(), Duration.ofDays(2));
    }

    @Test
    void the_intent_is_recorded_before_any_call_and_the_same_inputs_give_the_same_take() {
        fake.pollsToFinish = 3;
        start(fake, 2);
        long id = takes.request(SHOT, "fake", request("a fox in the snow"), ESTIMATE);

        Take intended = takes.take(id).orElseThrow();
        assertThat(intended.state()).isEqualTo(TakeState.INTENDED);
        assertThat(intended.estimateUsd()).isEqualTo(0.25);
        assertThat(fake.submissions()).as("nothing sent by request() itself").isZero();
        assertThat(takes.request(SHOT, "fake", request("a fox in the snow").withCallback(java.net.URI.create("https://x/y")),
                ESTIMATE)).as("same inputs (the callback URL is not an input)").isEqualTo(id);
        assertThat(takes.request(SHOT, "fake", request("a fox in the rain"), ESTIMATE)).isNotEqualTo(id);
        assertThat(takes.request(new ShotKey("tales", 1, 2), "fake", request("a fox in the snow"), ESTIMATE))
                .as("another shot").isNotEqualTo(id);

        settle();
        Take done = takes.take(id).orElseThrow();
        assertThat(done.state()).isEqualTo(TakeState.VERIFIED);
        assertThat(done.file()).startsWith("takes/").endsWith(".mp4").contains(done.fileHash());
        assertThat(root.resolve(done.file())).exists();
        assertThat(done.usageAmount()).isEqualTo(102960);
        assertThat(fake.submissions()).as("three inputs, three submissions").isEqualTo(3);
        assertThat(takes.history(id)).extracting(TakeStore.Entry::to).startsWith(TakeState.INTENDED,
                TakeState.SUBMITTING, TakeState.SUBMITTED, TakeState.RUNNING, TakeState.DOWNLOADED, TakeState.VERIFIED);
        assertThat(takes.chosen(SHOT)).as("the first verified take of the shot is chosen").isPresent();
        assertThat(takes.takes("tales", 1)).filteredOn(t -> t.shot().equals(SHOT)).filteredOn(Take::chosen).hasSize(1);

        long again = takes.request(SHOT, "fake", request("a fox in the snow"), ESTIMATE);
        takes.awaitSettled(SHOT.series(), SHOT.episode(), Duration.ofHours(1));
        assertThat(again).isEqualTo(id);
        assertThat(fake.submissions()).as("a settled take is not sent again").isEqualTo(3);
    }

    @Test
    void a_take_gives_its_slot_back_when_the_provider_says_it_ended_not_after_its_download() {
        fake.pollsToFinish = 1;
        fake.limit = 1;
        fake.downloadFailures = 1;
        start(fake, 1);
        long first = takes.request(SHOT, "fake", request("a fox in the snow"), ESTIMATE);
        long second = takes.request(new ShotKey("tales", 1, 2), "fake", request("a fox in the rain"), ESTIMATE);

        settle();
        assertThat(takes.take(first).orElseThrow().state()).isEqualTo(TakeState.VERIFIED);
        assertThat(takes.take(second).orElseThrow().state()).isEqualTo(TakeState.VERIFIED);
        Instant secondSent = takes.history(second).stream().filter(e -> e.to() == TakeState.SUBMITTED).findFirst()
                .orElseThrow().at();
        Instant firstStored = takes.history(first).stream().filter(e -> e.to() == TakeState.VERIFIED).findFirst()
                .orElseThrow().at();
        assertThat(secondSent).as("sent while the first one's download was still failing").isBefore(firstStored);
        assertThat(fake.maxInFlight).as("the provider's limit held").isEqualTo(1);
        assertThat(fake.submissions()).isEqualTo(2);
    }

    @Test
    void another_take_of_the_same_inputs_is_a_new_submission_and_choose_moves_the_choice() {
        start(fake, 2);
        long first = takes.request(SHOT, "fake", request("a fox"), ESTIMATE);
        settle();
        long second = takes.requestAnother(SHOT, "fake", request("a fox"), ESTIMATE);
        settle();
        assertThat(second).isNotEqualTo(first);
        assertThat(fake.submissions()).isEqualTo(2);
        assertThat(takes.chosen(SHOT)).map(Take::id).contains(first);
        takes.choose(second);
        assertThat(takes.chosen(SHOT)).map(Take::id).contains(second);
        assertThat(takes.takes("tales", 1)).filteredOn(Take::chosen).hasSize(1);
    }

    @Test
    void an_answer_lost_after_the_task_was_created_is_found_by_key_not_sent_again() {
        fake.submitFaults.add(FakeVideo.Fault.CREATED_THEN_TIMEOUT);
        start(fake, 2);
        long id = takes.request(SHOT, "fake", request("a fox"), ESTIMATE);
        settle();
        assertThat(takes.take(id).orElseThrow().state()).isEqualTo(TakeState.VERIFIED);
        assertThat(fake.submissionsByKey).hasSize(1).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
        assertThat(takes.history(id)).extracting(TakeStore.Entry::note).anyMatch(n -> n.contains("found at the provider by key"));
    }

    @Test
    void an_in_doubt_submit_that_never_reached_the_provider_is_sent_after_the_lookup_finds_nothing() {
        fake.submitFaults.add(FakeVideo.Fault.TIMEOUT_NOT_CREATED);
        start(fake, 2);
        long id = takes.request(SHOT, "fake", request("a fox"), ESTIMATE);
        settle();
        assertThat(takes.take(id).orElseThrow().state()).isEqualTo(TakeState.VERIFIED);
        assertThat(fake.submissions()).isEqualTo(1);
        assertThat(takes.history(id)).extracting(TakeStore.Entry::note).anyMatch(n -> n.contains("not found at the provider"));
    }

    @Test
    void a_provider_that_cannot_find_by_key_leaves_an_in_doubt_take_unconfirmed_rather_than_pay_twice() {
        FakeVideo runwayLike = new FakeVideo("fake", false, clip);
        runwayLike.submitFaults.add(FakeVideo.Fault.CREATED_THEN_TIMEOUT);
        start(runwayLike, 2);
        long id = takes.request(SHOT, "fake", request("a fox"), ESTIMATE);
        settle();
        assertThat(takes.take(id).orElseThrow().state()).isEqualTo(TakeState.UNCONFIRMED);
        assertThat(runwayLike.submissions()).isEqualTo(1);
    }

    @Test
    void an_account_never_has_more_tasks_in_flight_than_its_limit() {
        fake.pollsToFinish = 3;
        start(fake, 2);
        for (int shot = 1; shot <= 7; shot++) {
            takes.request(new ShotKey("tales", 1, shot), "fake", request("shot " + shot), ESTIMATE);
        }
        List<Take> all = settle();
        assertThat(all).hasSize(7).allMatch(t -> t.state() == TakeState.VERIFIED);
        assertThat(fake.maxInFlight).isEqualTo(2);
        assertThat(fake.submissions()).isEqualTo(7);
    }

    @Test
    void a_rate_limit_pauses_the_account_until_retry_after_and_a_concurrency_refusal_is_retried() {
        fake.submitFaults.add(FakeVideo.Fault.RATE_LIMIT);
        fake.submitFaults.add(FakeVideo.Fault.CONCURRENCY);
        fake.submitFaults.add(FakeVideo.Fault.SERVER_5XX);
        fake.retryAfter = Duration.ofMinutes(10);
        start(fake, 1);
        long id = takes.request(SHOT, "fake", request("a fox"), ESTIMATE);
        jobs.runDue();
        assertThat(takes.take(id).orElseThrow().state()).isEqualTo(TakeState.INTENDED);
        jobs.advance(Duration.ofMinutes(9));
        jobs.runDue();
        assertThat(fake.submitFaults).as("nothing sent before Retry-After").hasSize(2);
        settle();
        assertThat(takes.take(id).orElseThrow().state()).isEqualTo(TakeState.VERIFIED);
        assertThat(fake.submitFaults).isEmpty();
        assertThat(fake.submissions()).isEqualTo(1);
    }

    @Test
    void a_moderated_take_gets_one_softened_take_and_never_the_same_prompt_again() {
        fake.outcome = r -> r.prompt().contains("blood")
                ? new ProviderFailure(FailureKind.MODERATION, 0, "OutputVideoSensitiveContentDetected", "flagged") : null;
        start(fake, 2);
        long id = takes.request(SHOT, "fake", request("the knight wipes blood from his sword"), ESTIMATE);
        List<Take> all = settle();

        assertThat(takes.take(id).orElseThrow().state()).isEqualTo(TakeState.MODERATED);
        Take rewrite = all.stream().filter(t -> t.softenedFrom() != null).findFirst().orElseThrow();
        assertThat(rewrite.softenedFrom()).isEqualTo(id);
        assertThat(rewrite.state()).isEqualTo(TakeState.VERIFIED);
        assertThat(rewrite.prompt()).doesNotContain("blood").contains("non-graphic");
        assertThat(fake.prompts).containsExactly("the knight wipes blood from his sword", rewrite.prompt());
    }

    @Test
    void a_softened_prompt_refused_again_is_final() {
        fake.outcome = r -> new ProviderFailure(FailureKind.MODERATION, 0, "OutputVideoSensitiveContentDetected", "flagged");
        start(fake, 2);
        takes.request(SHOT, "fake", request("a duel"), ESTIMATE);
        List<Take> all = settle();
        assertThat(all).hasSize(2).allMatch(t -> t.state() == TakeState.MODERATED);
        assertThat(fake.submissions()).isEqualTo(2);
    }

    @Test
    void an_expired_task_is_retried_under_a_new_key_until_the_attempts_are_spent() {
        fake.outcome = r -> r.idempotencyKey().endsWith("-3") ? null
                : new ProviderFailure(FailureKind.EXPIRED, 0, "expired", "execution window passed");
        start(fake, 2);
        long id = takes.request(SHOT, "fake", request("a fox"), ESTIMATE);
        settle();
        Take t = takes.take(id).orElseThrow();
        assertThat(t.state()).isEqualTo(TakeState.VERIFIED);
        assertThat(t.attempt()).isEqualTo(3);
        assertThat(fake.submissionsByKey).hasSize(3).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));

        fake.outcome = r -> new ProviderFailure(FailureKind.EXPIRED, 0, "expired", "execution window passed");
        long other = takes.request(new ShotKey("tales", 1, 2), "fake", request("a hare"), ESTIMATE);
        settle();
        assertThat(takes.take(other).orElseThrow().state()).isEqualTo(TakeState.EXPIRED);
    }

    @Test
    void terminal_refusals_fail_the_take_without_retrying() {
        fake.submitFaults.add(FakeVideo.Fault.BAD_REQUEST);
        start(fake, 2);
        long id = takes.request(SHOT, "fake", request("a fox"), ESTIMATE);
        settle();
        Take t = takes.take(id).orElseThrow();
        assertThat(t.state()).isEqualTo(TakeState.FAILED);
        assertThat(t.failure()).contains("invalid request");
        assertThat(fake.submissions()).isZero();
    }

    @Test
    void a_provider_that_goes_dark_fails_its_takes_after_the_dark_limit_so_the_shot_can_fall_back() {
        start(fake, 2, b -> b.darkAfter(Duration.ofMinutes(30)));
        long running = takes.request(SHOT, "fake", request("a fox"), ESTIMATE);
        jobs.runDue();
        assertThat(takes.take(running).orElseThrow().state()).isEqualTo(TakeState.SUBMITTED);
        fake.dark = true;
        long unsent = takes.request(new ShotKey("tales", 1, 2), "fake", request("a hare"), ESTIMATE);
        List<Take> all = settle();
        assertThat(all).allMatch(t -> t.state() == TakeState.FAILED);
        assertThat(takes.take(running).orElseThrow().failure()).contains("unreachable");
        assertThat(takes.take(unsent).orElseThrow().failure()).contains("unreachable");
    }

    @Test
    void a_callback_wakes_the_take_at_once() {
        start(fake, 2, b -> b.polling(Duration.ofMinutes(10), Duration.ofMinutes(10)));
        fake.pollsToFinish = 1;
        long id = takes.request(SHOT, "fake", request("a fox"), ESTIMATE);
        jobs.runDue();
        Take submitted = takes.take(id).orElseThrow();
        assertThat(submitted.state()).isEqualTo(TakeState.SUBMITTED);
        assertThat(takes.onCallback("fake", submitted.taskId())).isTrue();
        assertThat(takes.onCallback("fake", "unknown-task")).isFalse();
        jobs.runDue();
        assertThat(takes.take(id).orElseThrow().state()).as("no clock moved: the callback ran it").isEqualTo(TakeState.VERIFIED);
    }

    @Test
    void a_restarted_engine_carries_on_unsettled_takes_and_only_verified_takes_can_be_chosen() {
        start(fake, 2);
        long id = takes.request(SHOT, "fake", request("a fox"), ESTIMATE);
        jobs.runDue();
        assertThatThrownBy(() -> takes.choose(id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only a verified take");
        jobs.stop();
        database().transaction(c -> c.createStatement().executeUpdate("DELETE FROM scheduled_tasks"));

        start(fake, 2);
        settle();
        assertThat(takes.take(id).orElseThrow().state()).isEqualTo(TakeState.VERIFIED);
        assertThat(fake.submissions()).isEqualTo(1);
    }

    /** A synchronous image provider: the first call fails with a 503, every image is a 9:16 PNG (flat when asked). */
    static final class FakeKeyframes implements dev.tsuzuku.video.KeyframeProvider {
        int calls;

        @Override
        public String name() {
            return "fake-images";
        }

        @Override
        public int maxReferenceImages() {
            return 4;
        }

        @Override
        public synchronized dev.tsuzuku.video.Keyframe generate(dev.tsuzuku.video.KeyframeRequest request) {
            if (calls++ == 0) {
                throw new dev.tsuzuku.provider.ProviderException(name(), new ProviderFailure(FailureKind.SERVER_ERROR, 503,
                        "", "busy"));
            }
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(36, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
            if (!request.prompt().contains("flat")) {
                img.setRGB(4, 4, 0xffffff); // on the grid KeyframeCheck samples
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try {
                javax.imageio.ImageIO.write(img, "png", out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new dev.tsuzuku.video.Keyframe(dev.tsuzuku.video.ImageRef.png(out.toByteArray()), "36x64",
                    new dev.tsuzuku.video.Usage(dev.tsuzuku.video.Usage.IMAGES, 1));
        }

        @Override
        public Path save(dev.tsuzuku.video.Keyframe keyframe, Path target) {
            dev.tsuzuku.workspace.AtomicFiles.write(target, keyframe.image().data());
            return target;
        }
    }

    @Test
    void keyframes_go_through_the_same_ledger_and_a_flat_image_fails_its_check() {
        FakeKeyframes images = new FakeKeyframes();
        start(fake, 2, b -> b.keyframes(images, 2));
        long id = takes.requestKeyframe(SHOT, "fake-images", dev.tsuzuku.video.KeyframeRequest.of("k", "a fox, keyframe",
                List.of(), 720, 1280), ESTIMATE);
        long flat = takes.requestKeyframe(new ShotKey("tales", 1, 2), "fake-images",
                dev.tsuzuku.video.KeyframeRequest.of("k", "a flat field", List.of(), 720, 1280), ESTIMATE);
        assertThat(images.calls).as("nothing called before the intent is recorded and its job runs").isZero();
        settle();
        Take k = takes.take(id).orElseThrow();
        assertThat(k.state()).isEqualTo(TakeState.VERIFIED);
        assertThat(k.kind()).isEqualTo(Take.KEYFRAME);
        assertThat(k.file()).endsWith(".png");
        assertThat(takes.chosenKeyframe(SHOT)).map(Take::id).contains(id);
        assertThat(takes.chosen(SHOT)).as("a keyframe is not the shot's video").isEmpty();
        assertThat(takes.take(flat).orElseThrow().state()).isEqualTo(TakeState.FAILED);
        assertThat(takes.take(flat).orElseThrow().failure()).contains("blank");
        assertThat(images.calls).as("one 503, then one call per keyframe").isEqualTo(3);
    }

    @Test
    void the_transition_table_refuses_moves_it_does_not_list() {
        assertThat(TakeState.VERIFIED.settled()).isTrue();
        assertThat(TakeState.INTENDED.mayBecome(TakeState.RUNNING)).isFalse();
        assertThat(TakeState.SUBMITTING.mayBecome(TakeState.UNCONFIRMED)).isTrue();
        start(fake, 2);
        long id = takes.request(SHOT, "fake", request("a fox"), ESTIMATE);
        assertThatThrownBy(() -> takes.store().move(id, TakeState.INTENDED, TakeState.DOWNLOADED, "skip", java.util.Map.of(),
                T0)).isInstanceOf(IllegalStateException.class);
        assertThat(takes.store().move(id, TakeState.SUBMITTED, TakeState.RUNNING, "wrong from", java.util.Map.of(), T0))
                .as("a compare-and-set on the current state").isFalse();
    }
}
