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
 * database (empty; the caller opens it) with the real job engine, webhooks included. The ideal makespan is
 * {@code ceil(shots / concurrency) × latency}; what the engine adds beyond it, spread over the
 * tasks, is its overhead per task.
 */
public final class EngineBench {
    private EngineBench() {}

    /** What one run measured. */
    public record Result(int shots, int concurrency, Duration latency, Duration makespan, int verified,
            int submissions, int maxInFlight, int refusals) {

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
            out.add(String.format(Locale.ROOT, "shots %d, concurrency %d, latency %d ms per task", shots, concurrency,
                    latency.toMillis()));
            out.add(String.format(Locale.ROOT, "makespan  %8.2f s", makespan.toMillis() / 1000.0));
            out.add(String.format(Locale.ROOT, "ideal     %8.2f s  (ceil(%d / %d) × %d ms)", ideal().toMillis() / 1000.0,
                    shots, concurrency, latency.toMillis()));
            out.add(String.format(Locale.ROOT, "ratio     %8.3f    (budget %.2f: %s)", ratio(), 1 + budget,
                    ratio() <= 1 + budget ? "within" : "OVER"));
            out.add(String.format(Locale.ROOT, "overhead  %8.1f ms per task (slot time lost to the engine)",
                    overheadPerTask().toNanos() / 1e6));
            out.add(String.format(Locale.ROOT, "verified %d of %d, submissions %d, most in flight %d, refused over limit %d",
                    verified, shots, submissions, maxInFlight, refusals));
            return out;
        }
    }

    /**
     * Runs the bench in {@code scratch} (a fresh folder: it gets its own database) and returns
     * what it measured. {@code wallNanos} is the stopwatch.
     */
    public static Result run(Database db, Path scratch, int shots, int concurrency, Duration latency, int threads,
            Clock clock, LongSupplier wallNanos) {
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-provider");
            t.setDaemon(true);
            return t;
        });
        try {
            LatencyStub stub = new LatencyStub(concurrency, latency, timer);
            TakeEngine takes = TakeEngine.builder(db, scratch).video(stub, concurrency).clipCheck(ClipCheck.nonEmpty())
                    .polling(latency.multipliedBy(2), latency.multipliedBy(2)).backoff(Duration.ofMillis(20),
                            Duration.ofSeconds(1)).slotWait(latency.multipliedBy(4)).build();
            JobEngine jobs = takes.register(JobEngine.on(db, clock).threads(threads).pollEvery(Duration.ofMillis(100)))
                    .start();
            stub.callbacks = taskId -> takes.onCallback(stub.name(), taskId);
            try {
                long start = wallNanos.getAsLong();
                for (int i = 1; i <= shots; i++) {
                    takes.request(new ShotKey("bench", 1, i), stub.name(), TakeRequest.of("k", "bench shot " + i, 5), null);
                }
                List<Take> all = takes.awaitSettled("bench", 1, latency.multipliedBy(shots).plusMinutes(5));
                long end = wallNanos.getAsLong();
                int verified = (int) all.stream().filter(t -> t.state() == TakeState.VERIFIED).count();
                return new Result(shots, concurrency, latency, Duration.ofNanos(end - start), verified,
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
