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
        POLL("poll: no callbacks and no task times (as Runway); the end is found by polls planned from the latency the"
                + " engine learns"),
        TIMED("timed: no callbacks, but each answer carries when the task was created and last changed (as Seedance's and"
                + " Kling's do); polls are planned from those times");

        private final String description;

        Mode(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * One round of the run: the {@code concurrency} tasks submitted {@code index}-th, in the order
     * the stub received them.
     *
     * @param estimateMs the engine's learnt latency when the round's last task was found done (−1: unknown)
     * @param detectMs   mean time from a task's end at the stub to the poll (or callback) that found it
     * @param detectMaxMs the longest of those in the round
     * @param gapMs      mean time from a slot freed at the stub to the next submit into it (detection plus
     *                   the engine's own work); −1 for the first round
     * @param polls      mean polls per task
     */
    public record Round(int index, long estimateMs, double detectMs, double detectMaxMs, double gapMs, double polls) {}

    /**
     * Where the run's start and end went, in ms from its start: all takes requested, the first
     * round's first and last submit at the stub, the last task's end at the stub, and the run's end.
     */
    public record Phases(double requestedMs, double firstSubmitMs, double firstRoundMs, double lastEndMs, double doneMs) {
        static final Phases NONE = new Phases(0, 0, 0, 0, 0);
    }

    /** What one run measured. */
    public record Result(Mode mode, int shots, int concurrency, Duration latency, Duration makespan, int verified,
            int submissions, int maxInFlight, int refusals, int polls, int peakPollsPerSecond, long minPollGapMs,
            List<Round> rounds, Phases phases) {

        public Result {
            rounds = List.copyOf(rounds);
        }

        public Result(Mode mode, int shots, int concurrency, Duration latency, Duration makespan, int verified,
                int submissions, int maxInFlight, int refusals) {
            this(mode, shots, concurrency, latency, makespan, verified, submissions, maxInFlight, refusals, 0, 0, -1,
                    List.of(), Phases.NONE);
        }

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
            if (polls > 0) {
                out.add(String.format(Locale.ROOT, "polls     %8.2f per task, at most %d in one second at the stub, polls of"
                        + " one task at least %d ms apart", (double) polls / shots, peakPollsPerSecond, minPollGapMs));
            }
            return out;
        }

        /** The per-round table: how the learnt latency and the time lost per slot settle. */
        public List<String> roundLines() {
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "start: takes requested after %.0f ms, first submit %.0f ms, round 1 submitted"
                    + " by %.0f ms; end: last task ended at %.0f ms, all settled %.0f ms later", phases.requestedMs(),
                    phases.firstSubmitMs(), phases.firstRoundMs(), phases.lastEndMs(), phases.doneMs() - phases.lastEndMs()));
            out.add("round  estimate ms  found after end ms (mean, max)  slot idle ms  polls/task");
            for (Round r : rounds) {
                out.add(String.format(Locale.ROOT, "%5d  %11s  %12.1f %16.1f  %12s  %10.2f", r.index(), r.estimateMs() < 0
                        ? "-" : String.valueOf(r.estimateMs()), r.detectMs(), r.detectMaxMs(), r.gapMs() < 0 ? "-"
                                : String.format(Locale.ROOT, "%.1f", r.gapMs()), r.polls()));
            }
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
            LatencyStub stub = new LatencyStub(concurrency, latency, timer, mode == Mode.TIMED, clock);
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
            stub.estimate = () -> {
                Duration e = takes.expectedLatency(stub.name());
                return e == null ? -1 : e.toMillis();
            };
            try {
                long start = wallNanos.getAsLong();
                long t0 = System.nanoTime();
                for (int i = 1; i <= shots; i++) {
                    takes.request(new ShotKey("bench", 1, i), stub.name(), TakeRequest.of("k", "bench shot " + i, 5), null);
                }
                long requested = System.nanoTime();
                List<Take> all = takes.awaitSettled("bench", 1, latency.multipliedBy(shots).plusMinutes(5));
                long end = wallNanos.getAsLong();
                long t1 = System.nanoTime();
                Phases phases = stub.phases(t0, requested, t1, concurrency);
                int verified = (int) all.stream().filter(t -> t.state() == TakeState.VERIFIED).count();
                return new Result(mode, shots, concurrency, latency, Duration.ofNanos(end - start), verified,
                        stub.submissions.get(), stub.maxInFlight.get(), stub.refusals.get(), stub.polls.get(),
                        stub.peakPollsPerSecond(), stub.minPollGapMs(), stub.rounds(concurrency), phases);
            } finally {
                jobs.stop();
            }
        } finally {
            timer.shutdownNow();
        }
    }

    /**
     * A provider whose tasks finish {@code latency} after submit and which refuses more than
     * {@code limit} at once. It keeps, per task, when it was submitted, when it ended and when a
     * poll first found it ended (stub time, {@link System#nanoTime}), and every poll's time.
     */
    static final class LatencyStub implements VideoProvider {
        private final int limit;
        private final Duration latency;
        private final ScheduledExecutorService timer;
        private final boolean timed;
        private final Clock clock;
        private final Map<String, Times> tasks = new ConcurrentHashMap<>();
        private final java.util.Queue<Long> pollTimes = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final AtomicInteger submissions = new AtomicInteger();
        final AtomicInteger refusals = new AtomicInteger();
        final AtomicInteger polls = new AtomicInteger();
        volatile java.util.function.Consumer<String> callbacks = id -> { };
        volatile LongSupplier estimate = () -> -1;

        /** One task's times (nanoTime); {@code end}/{@code found} 0 until then. */
        private static final class Times {
            final int seq;
            final long submitted;
            final Instant created;
            volatile long end;
            volatile Instant ended;
            volatile long found;
            volatile long lastPoll;
            volatile long minGap = Long.MAX_VALUE;
            volatile long estimateAtFound = -1;
            final AtomicInteger polls = new AtomicInteger();

            Times(int seq, long submitted, Instant created) {
                this.seq = seq;
                this.submitted = submitted;
                this.created = created;
            }
        }

        LatencyStub(int limit, Duration latency, ScheduledExecutorService timer, boolean timed, Clock clock) {
            this.clock = clock;
            this.limit = limit;
            this.latency = latency;
            this.timer = timer;
            this.timed = timed;
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
            int seq = submissions.incrementAndGet();
            String id = "t" + seq;
            Times t = new Times(seq, System.nanoTime(), clock.instant());
            tasks.put(id, t);
            timer.schedule(() -> {
                t.ended = clock.instant();
                t.end = System.nanoTime();
                inFlight.decrementAndGet();
                callbacks.accept(id);
            }, latency.toNanos(), TimeUnit.NANOSECONDS);
            return id;
        }

        @Override
        public VideoTask poll(String taskId) {
            long at = System.nanoTime();
            polls.incrementAndGet();
            pollTimes.add(at);
            Times t = tasks.get(taskId);
            if (t == null) {
                throw new ProviderException(name(), new ProviderFailure(FailureKind.NOT_FOUND, 404, "", "no task " + taskId));
            }
            synchronized (t) {
                t.polls.incrementAndGet();
                if (t.lastPoll > 0) {
                    t.minGap = Math.min(t.minGap, at - t.lastPoll);
                }
                t.lastPoll = at;
                if (t.end > 0 && t.found == 0) {
                    t.found = at;
                    t.estimateAtFound = estimate.getAsLong();
                }
            }
            Instant created = timed ? t.created : null;
            if (t.end > 0) {
                return new VideoTask(taskId, TaskState.SUCCEEDED, "succeeded", 1.0, List.of(URI.create("bench://" + taskId)),
                        null, null, null, new Usage(Usage.UNITS, 1), created, timed ? t.ended : null);
            }
            return new VideoTask(taskId, TaskState.RUNNING, "running", null, null, null, null, null, null, created,
                    timed ? clock.instant() : null);
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

        Phases phases(long start, long requested, long done, int concurrency) {
            long[] submits = tasks.values().stream().mapToLong(t -> t.submitted).sorted().toArray();
            long lastEnd = tasks.values().stream().mapToLong(t -> t.end).max().orElse(start);
            double ms = 1e6;
            return new Phases((requested - start) / ms, submits.length == 0 ? 0 : (submits[0] - start) / ms,
                    submits.length == 0 ? 0 : (submits[Math.min(concurrency, submits.length) - 1] - start) / ms,
                    (lastEnd - start) / ms, (done - start) / ms);
        }

        /** The most polls the stub answered within any one second (a sliding window). */
        int peakPollsPerSecond() {
            long[] at = pollTimes.stream().mapToLong(Long::longValue).sorted().toArray();
            int peak = 0;
            int from = 0;
            for (int i = 0; i < at.length; i++) {
                while (at[i] - at[from] >= 1_000_000_000L) {
                    from++;
                }
                peak = Math.max(peak, i - from + 1);
            }
            return peak;
        }

        /** The shortest time between two polls of one task, in ms (−1 when no task was polled twice). */
        long minPollGapMs() {
            long min = tasks.values().stream().mapToLong(t -> t.minGap).min().orElse(Long.MAX_VALUE);
            return min == Long.MAX_VALUE ? -1 : min / 1_000_000;
        }

        /**
         * Rounds of {@code concurrency} tasks in submit order. A slot freed at the stub is filled by
         * the next submit: the k-th end (in time) is matched with submit number {@code concurrency + k}.
         */
        List<Round> rounds(int concurrency) {
            List<Times> all = tasks.values().stream().sorted(java.util.Comparator.comparingInt(t -> t.seq)).toList();
            long[] ends = all.stream().mapToLong(t -> t.end).filter(e -> e > 0).sorted().toArray();
            List<Round> out = new ArrayList<>();
            for (int r = 0; r * concurrency < all.size(); r++) {
                List<Times> round = all.subList(r * concurrency, Math.min(all.size(), (r + 1) * concurrency));
                double detect = round.stream().filter(t -> t.found > 0 && t.end > 0)
                        .mapToLong(t -> t.found - t.end).average().orElse(0) / 1e6;
                double detectMax = round.stream().filter(t -> t.found > 0 && t.end > 0)
                        .mapToLong(t -> t.found - t.end).max().orElse(0) / 1e6;
                double polls = round.stream().mapToInt(t -> t.polls.get()).average().orElse(0);
                double gap = -1;
                if (r > 0) {
                    gap = 0;
                    int n = 0;
                    for (Times t : round) {
                        int k = t.seq - 1 - concurrency;
                        if (k >= 0 && k < ends.length) {
                            gap += t.submitted - ends[k];
                            n++;
                        }
                    }
                    gap = n == 0 ? -1 : gap / n / 1e6;
                }
                long est = round.stream().filter(t -> t.found > 0).max(java.util.Comparator.comparingLong(t -> t.found))
                        .map(t -> t.estimateAtFound).orElse(-1L);
                out.add(new Round(r + 1, est, detect, detectMax, gap, polls));
            }
            return out;
        }
    }
}
