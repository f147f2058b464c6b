package dev.tsuzuku.generate;

import dev.tsuzuku.jobs.JobEngine;
import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.ProviderException;
import dev.tsuzuku.provider.ProviderFailure;
import dev.tsuzuku.store.Database;
import dev.tsuzuku.video.Capabilities;
import dev.tsuzuku.video.TakeRequest;
import dev.tsuzuku.video.TaskState;
import dev.tsuzuku.video.Usage;
import dev.tsuzuku.video.VideoProvider;
import dev.tsuzuku.video.VideoTask;
import dev.tsuzuku.workspace.AtomicFiles;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * {@code tsuzuku bench engine}: N shots through a stub provider that takes a fixed latency per
 * task and refuses (as Kling's 1303 would) any task over its concurrency limit, on a fresh state
 * database (empty; the caller opens it) with the real job engine. The engine's account has the
 * same limit the stub enforces; the stub counts its tasks in flight, and a run that ever asked
 * for more is reported as breaking the limit. The ideal makespan is
 * {@code ceil(shots / concurrency) × latency}; what the engine adds beyond it, spread over the
 * tasks, is its overhead per task.
 *
 * <p>Two modes: {@link Mode#CALLBACK}, where the stub calls the engine back when a task ends (as
 * Seedance's and Kling's {@code callback_url} do), and {@link Mode#POLL}, where nothing calls back
 * and the engine must find the end by polling (Runway; a CLI without a public address).
 */
public final class EngineBench {
    private EngineBench() {}

    /** How the engine learns that a task ended. */
    public enum Mode {
        CALLBACK("callback: the stub calls back when a task ends (as a callback_url does); polls are only the net"),
        POLL("poll: no callbacks; the end is found by polls planned from the latency the engine learns");

        private final String description;

        Mode(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** What one run measured. */
    public record Result(Mode mode, int shots, int concurrency, Duration latency, Duration makespan, int verified,
            int submissions, int maxInFlight, int refusals) {

        /** Whether the stub never had more tasks than its limit, and was never asked for more. */
        public boolean limitHeld() {
            return maxInFlight <= concurrency && refusals == 0;
        }

        public Duration ideal() {
            long rounds = (shots + concurrency - 1) / concurrency;
            return latency.multipliedBy(rounds);
        }

        /** Makespan over ideal: 1.00 is perfect. */
        public double ratio() {
            return (double) makespan.toNanos() / ideal().toNanos();
        }

        /** The engine's time per task: (makespan − ideal) × concurrency ÷ shots, the slot time each task lost. */
        public Duration overheadPerTask() {
            long extra = Math.max(0, makespan.toNanos() - ideal().toNanos());
            return Duration.ofNanos(extra * concurrency / shots);
        }

        public List<String> lines(double budget) {
            List<String> out = new ArrayList<>();
            out.add("mode " + mode.description());
            out.add(String.format(Locale.ROOT, "shots %d, concurrency %d (the stub's limit and the engine's), latency %d ms"
                    + " per task", shots, concurrency, latency.toMillis()));
            out.add(String.format(Locale.ROOT, "makespan  %8.2f s", makespan.toMillis() / 1000.0));
            out.add(String.format(Locale.ROOT, "ideal     %8.2f s  (ceil(%d / %d) × %d ms)", ideal().toMillis() / 1000.0,
                    shots, concurrency, latency.toMillis()));
            out.add(String.format(Locale.ROOT, "ratio     %8.3f    (budget %.2f: %s)", ratio(), 1 + budget,
                    ratio() <= 1 + budget ? "within" : "OVER"));
            out.add(String.format(Locale.ROOT, "overhead  %8.1f ms per task (slot time lost to the engine)",
                    overheadPerTask().toNanos() / 1e6));
            out.add(String.format(Locale.ROOT, "verified %d of %d, submissions %d, most in flight at the stub %d of %d,"
                    + " refused over the limit %d: %s", verified, shots, submissions, maxInFlight, concurrency, refusals,
                    limitHeld() ? "the limit held" : "LIMIT BROKEN"));
            return out;
        }
    }

    /**
     * Runs the bench in {@code scratch} (a fresh folder: it gets its own database) and returns
     * what it measured. {@code wallNanos} is the stopwatch.
     */
    public static Result run(Database db, Path scratch, Mode mode, int shots, int concurrency, Duration latency,
            int threads, Clock clock, LongSupplier wallNanos) {
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-provider");
            t.setDaemon(true);
            return t;
        });
        try {
            LatencyStub stub = new LatencyStub(concurrency, latency, timer);
            // engine defaults, except that nothing is known of the stub's latency: the first polls come early
            // and grow, until the engine has learnt it; the callback URL only tells the engine callbacks exist
            TakeEngine.Builder b = TakeEngine.builder(db, scratch).video(stub, concurrency).clipCheck(ClipCheck.nonEmpty())
                    .polling(Duration.ofMillis(250), Duration.ofSeconds(30)).backoff(Duration.ofMillis(20),
                            Duration.ofSeconds(1));
            if (mode == Mode.CALLBACK) {
                b.callbacks(id -> URI.create("https://bench.invalid/hooks/" + id));
            }
            TakeEngine takes = b.build();
            JobEngine jobs = takes.register(JobEngine.on(db, clock).threads(threads)).start();
            if (mode == Mode.CALLBACK) {
                stub.callbacks = taskId -> takes.onCallback(stub.name(), taskId);
            }
            try {
                long start = wallNanos.getAsLong();
                for (int i = 1; i <= shots; i++) {
                    takes.request(new ShotKey("bench", 1, i), stub.name(), TakeRequest.of("k", "bench shot " + i, 5), null);
                }
                List<Take> all = takes.awaitSettled("bench", 1, latency.multipliedBy(shots).plusMinutes(5));
                long end = wallNanos.getAsLong();
                int verified = (int) all.stream().filter(t -> t.state() == TakeState.VERIFIED).count();
                return new Result(mode, shots, concurrency, latency, Duration.ofNanos(end - start), verified,
                        stub.submissions.get(), stub.maxInFlight.get(), stub.refusals.get());
            } finally {
                jobs.stop();
            }
        } finally {
            timer.shutdownNow();
        }
    }

    /** A provider whose tasks finish {@code latency} after submit and which refuses more than {@code limit} at once. */
    static final class LatencyStub implements VideoProvider {
        private final int limit;
        private final Duration latency;
        private final ScheduledExecutorService timer;
        private final Map<String, Boolean> done = new ConcurrentHashMap<>();
        private final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final AtomicInteger submissions = new AtomicInteger();
        final AtomicInteger refusals = new AtomicInteger();
        volatile java.util.function.Consumer<String> callbacks = id -> { };

        LatencyStub(int limit, Duration latency, ScheduledExecutorService timer) {
            this.limit = limit;
            this.latency = latency;
            this.timer = timer;
        }

        @Override
        public String name() {
            return "bench-stub";
        }

        @Override
        public Capabilities capabilities() {
            return new Capabilities(true, false, 0, false, true, List.of(5));
        }

        @Override
        public String submit(TakeRequest request) {
            int now = inFlight.incrementAndGet();
            if (now > limit) {
                inFlight.decrementAndGet();
                refusals.incrementAndGet();
                throw new ProviderException(name(), new ProviderFailure(FailureKind.CONCURRENCY_LIMIT, 429, "1303",
                        "parallel task over resource pack limit"));
            }
            maxInFlight.accumulateAndGet(now, Math::max);
            String id = "t" + submissions.incrementAndGet();
            done.put(id, false);
            timer.schedule(() -> {
                done.put(id, true);
                inFlight.decrementAndGet();
                callbacks.accept(id);
            }, latency.toNanos(), TimeUnit.NANOSECONDS);
            return id;
        }

        @Override
        public VideoTask poll(String taskId) {
            if (Boolean.TRUE.equals(done.get(taskId))) {
                return new VideoTask(taskId, TaskState.SUCCEEDED, "succeeded", 1.0, List.of(URI.create("bench://" + taskId)),
                        null, null, null, new Usage(Usage.UNITS, 1), null);
            }
            return new VideoTask(taskId, TaskState.RUNNING, "running", null, null, null, null, null, null, null);
        }

        @Override
        public Optional<VideoTask> find(TakeRequest request, Instant since) {
            return Optional.empty();
        }

        @Override
        public Path download(URI output, Path target) {
            AtomicFiles.write(target, ("take " + output).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return target;
        }
    }
}
