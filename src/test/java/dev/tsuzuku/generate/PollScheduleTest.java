package dev.tsuzuku.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.jobs.JobEngine;
import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.ProviderException;
import dev.tsuzuku.provider.ProviderFailure;
import dev.tsuzuku.store.Database;
import dev.tsuzuku.video.Capabilities;
import dev.tsuzuku.video.TakeRequest;
import dev.tsuzuku.video.TaskState;
import dev.tsuzuku.video.VideoProvider;
import dev.tsuzuku.video.VideoTask;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The take engine's polls against a provider whose tasks take a fixed time by the engine's own
 * (manual) clock: the schedule converges on the true latency without overshooting it, from a
 * cold start, with and without the vendor's task times. No sleeps: the job engine runs manually.
 */
class PollScheduleTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Duration LATENCY = Duration.ofSeconds(40);
    private static final int LIMIT = 10;

    @TempDir
    Path root;
    Database db;
    JobEngine jobs;

    @AfterEach
    void tearDown() {
        if (jobs != null) {
            jobs.stop();
        }
        if (db != null) {
            db.close();
        }
    }

    /** A provider whose tasks end {@code latency} after submit by the given clock, refusing any task over its limit. */
    static final class TimedVideo implements VideoProvider {
        final Map<String, Instant> submitted = new LinkedHashMap<>();
        final Map<String, Instant> found = new LinkedHashMap<>();
        final Map<String, List<Instant>> polls = new LinkedHashMap<>();
        final boolean reportsTimes;
        final Path clip;
        Supplier<Instant> clock;
        int maxInFlight;

        TimedVideo(boolean reportsTimes, Path clip) {
            this.reportsTimes = reportsTimes;
            this.clip = clip;
        }

        @Override
        public String name() {
            return "timed";
        }

        @Override
        public Capabilities capabilities() {
            return new Capabilities(true, false, 0, false, true, List.of(5));
        }

        private Instant end(String id) {
            return submitted.get(id).plus(LATENCY);
        }

        @Override
        public synchronized String submit(TakeRequest request) {
            Instant now = clock.get();
            long inFlight = submitted.keySet().stream().filter(id -> end(id).isAfter(now)).count();
            if (inFlight >= LIMIT) {
                throw new ProviderException(name(), new ProviderFailure(FailureKind.CONCURRENCY_LIMIT, 429, "1303",
                        "parallel task over resource pack limit"));
            }
            maxInFlight = (int) Math.max(maxInFlight, inFlight + 1);
            String id = "task-" + (submitted.size() + 1);
            submitted.put(id, now);
            return id;
        }

        @Override
        public synchronized VideoTask poll(String taskId) {
            Instant now = clock.get();
            polls.computeIfAbsent(taskId, k -> new ArrayList<>()).add(now);
            Instant end = end(taskId);
            Instant created = reportsTimes ? submitted.get(taskId) : null;
            if (now.isBefore(end)) {
                return new VideoTask(taskId, TaskState.RUNNING, "running", null, null, null, null, null, null, created,
                        reportsTimes ? now : null);
            }
            found.putIfAbsent(taskId, now);
            return new VideoTask(taskId, TaskState.SUCCEEDED, "succeeded", 1.0, List.of(URI.create("timed://" + taskId)),
                    null, null, null, null, created, reportsTimes ? end : null);
        }

        @Override
        public Optional<VideoTask> find(TakeRequest request, Instant since) {
            return Optional.empty();
        }

        @Override
        public Path download(URI output, Path target) {
            return FakeVideo.copyClip(clip, target);
        }

        /** How long after its end each task (in submit order) was found done, in ms. */
        synchronized List<Long> lateness() {
            return submitted.keySet().stream().map(id -> Duration.between(end(id), found.get(id)).toMillis()).toList();
        }
    }

    private TakeEngine run(TimedVideo video, int shots) throws IOException {
        Path clip = root.resolve("clip.mp4");
        Files.write(clip, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'});
        db = Database.open("jdbc:h2:mem:poll-schedule-" + video.reportsTimes + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        TakeEngine takes = TakeEngine.builder(db, root).video(video, LIMIT).clipCheck(ClipCheck.nonEmpty())
                .polling(Duration.ofMillis(250), Duration.ofSeconds(30)).build();
        jobs = takes.register(JobEngine.on(db, Clock.fixed(T0, ZoneOffset.UTC))).startManual();
        video.clock = () -> jobs.clock().instant();
        for (int i = 1; i <= shots; i++) {
            takes.request(new ShotKey("poll", 1, i), video.name(), TakeRequest.of("k", "shot " + i, 5), null);
        }
        List<Take> all = takes.awaitSettled("poll", 1, Duration.ofDays(1));
        assertThat(all).hasSize(shots).allMatch(t -> t.state() == TakeState.VERIFIED);
        assertThat(video.submitted).as("one submission per take").hasSize(shots);
        assertThat(video.maxInFlight).as("never over the provider's limit").isLessThanOrEqualTo(LIMIT);
        return takes;
    }

    @Test
    void without_task_times_polls_converge_on_the_latency_from_both_sides_and_do_not_overshoot() throws IOException {
        TimedVideo video = new TimedVideo(false, root.resolve("clip.mp4"));
        TakeEngine takes = run(video, 80);

        List<Long> late = video.lateness();
        assertThat(late).as("no task is reported done before it ended").allMatch(ms -> ms >= 0);
        // the first batch starts cold: the first task found done tells the others, whose polls come forward
        assertThat(late.subList(0, LIMIT)).as("first batch, cold").allMatch(ms -> ms <= LATENCY.toMillis() / 20);
        List<Long> settled = late.subList(3 * LIMIT, late.size());
        assertThat(settled).as("found within 2%% of the latency once learnt").allMatch(ms -> ms <= LATENCY.toMillis() / 50);
        assertThat(settled.stream().mapToLong(Long::longValue).average().orElseThrow()).as("on average within 1%%")
                .isLessThan(LATENCY.toMillis() / 100.0);
        long est = takes.expectedLatency(video.name()).toMillis();
        assertThat(est).as("the learnt latency: neither drifted above nor stuck below").isBetween(
                LATENCY.toMillis() * 98 / 100, LATENCY.toMillis() * 101 / 100);
        double polls = video.polls.entrySet().stream().skip(3 * LIMIT).mapToInt(e -> e.getValue().size()).average()
                .orElseThrow();
        assertThat(polls).as("a probe before the estimate, one at it, a step or two").isBetween(1.5, 4.0);
        assertThat(minGap(video)).as("no task polled twice within 10 ms").isGreaterThanOrEqualTo(Duration.ofMillis(10));
    }

    @Test
    void with_the_vendors_task_times_the_latency_is_measured_exactly() throws IOException {
        TimedVideo video = new TimedVideo(true, root.resolve("clip.mp4"));
        TakeEngine takes = run(video, 40);

        assertThat(takes.expectedLatency(video.name())).isEqualTo(LATENCY);
        List<Long> settled = video.lateness().subList(LIMIT, 40);
        assertThat(settled).as("found within 1%% of the end").allMatch(ms -> ms >= 0 && ms <= LATENCY.toMillis() / 100);
        double polls = video.polls.entrySet().stream().skip(LIMIT).mapToInt(e -> e.getValue().size()).average()
                .orElseThrow();
        assertThat(polls).as("the probe and the poll at the latency").isLessThanOrEqualTo(2.0);
    }

    private static Duration minGap(TimedVideo video) {
        Duration min = Duration.ofDays(1);
        for (List<Instant> times : video.polls.values()) {
            for (int i = 1; i < times.size(); i++) {
                Duration gap = Duration.between(times.get(i - 1), times.get(i));
                min = gap.compareTo(min) < 0 ? gap : min;
            }
        }
        return min;
    }
}
