package dev.tsuzuku.generate;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When to poll a provider's task (decisions 0032, 0034): an estimate of the account's latency,
 * learnt from its finished tasks, and a schedule around it.
 *
 * <p><b>What a finished task tells.</b> A poll that finds a task unfinished {@code t} after its
 * submit says the latency is more than {@code t}; the poll that finds it done says it is at most
 * that time. So a task gives a bracket {@code (lo, hi]}, not a number, and the poll that found it
 * done, however late, only bounds it from above: learning "the time of the poll that found it"
 * drifts upward by the lateness of every poll. Here each task's bracket gives a sample, its
 * midpoint, and the estimate moves a quarter of the way towards it; the spread is tracked the same
 * way (as TCP tracks a round trip, RFC 6298). Where the vendor reports when a task was created
 * and when it ended (Seedance, Kling), that difference is the sample itself; a callback that woke
 * the poll measures it too.
 *
 * <p><b>The schedule.</b> The first poll is a probe a little before the estimate (2% or two
 * spreads, whichever is earlier), the next one at the estimate, then steps of 1% of it growing
 * ×1.5, never closer than 10 ms and never further apart than {@code max}. So a steady provider
 * is polled about three times per task, its brackets straddle the true latency from both sides,
 * and the estimate settles on it instead of drifting above it; a task found at the probe pulls
 * the estimate down, one found after the estimate pulls it up.
 *
 * <p><b>Cold.</b> Before an account has a finished task its polls start {@code coldFirst} after
 * the submit and grow ×1.5, each task's grid offset by a factor in [1, 1.5) drawn from its id, so
 * the tasks of a first batch poll at different moments: the first to find its task done does so
 * within a few percent of the latency, and its bracket is narrowed by the latest poll of any task
 * that still found its own task running. {@link #bracket} and {@link #measured} say when the
 * account's estimate became known, so the engine can bring the other running tasks' polls forward.
 */
final class Latencies {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Latencies.class);

    static final double GAIN = 0.25;
    static final double PROBE = 0.02;
    static final double STEP = 0.01;
    static final double GROWTH = 1.5;
    static final long MIN_STEP_MS = 10;
    /** The golden ratio's fraction: consecutive ids spread evenly over [0, 1). */
    private static final double SPREAD = 0.6180339887498949;

    private final long coldFirst;
    private final long max;
    private final Map<String, Duration> hints;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    /** One account's estimate (ms) and spread; {@code floor}: the latest running-task poll while still cold. */
    private static final class State {
        double est = Double.NaN;
        double dev;
        long floor;
        long samples;

        boolean known() {
            return !Double.isNaN(est);
        }
    }

    Latencies(Duration coldFirst, Duration max, Map<String, Duration> hints) {
        this.coldFirst = Math.max(MIN_STEP_MS, coldFirst.toMillis());
        this.max = Math.max(MIN_STEP_MS, max.toMillis());
        this.hints = Map.copyOf(hints);
    }

    private State state(String account) {
        return states.computeIfAbsent(account, a -> {
            State s = new State();
            Duration hint = hints.get(a);
            if (hint != null && hint.toMillis() > 0) {
                // a documented typical time: a start, with a wide spread until the account's own tasks tell
                s.est = hint.toMillis();
                s.dev = hint.toMillis() / 4.0;
            }
            return s;
        });
    }

    /** The account's expected latency, or null while nothing is known. */
    Duration expected(String account) {
        State s = state(account);
        synchronized (s) {
            return s.known() ? Duration.ofMillis(Math.round(s.est)) : null;
        }
    }

    /** The account's spread (mean deviation of the samples from the estimate), or null while nothing is known. */
    Duration spread(String account) {
        State s = state(account);
        synchronized (s) {
            return s.known() ? Duration.ofMillis(Math.round(s.dev)) : null;
        }
    }

    /** How long after the submit the first poll of task {@code id} comes: the probe, or the start of the cold grid. */
    Duration first(String account, long id) {
        State s = state(account);
        synchronized (s) {
            if (!s.known()) {
                return Duration.ofMillis(Math.min(max, Math.round(coldFirst * offset(id))));
            }
            return Duration.ofMillis(probe(s));
        }
    }

    /**
     * How long from now the next poll of task {@code id} comes, after its {@code misses}-th poll
     * (misses ≥ 1) found it unfinished {@code since} after its submit.
     */
    Duration next(String account, long id, int misses, Duration since) {
        State s = state(account);
        long at = since.toMillis();
        long gap;
        synchronized (s) {
            if (!s.known()) {
                s.floor = Math.max(s.floor, at);
                double point = coldFirst * offset(id) * Math.pow(GROWTH, Math.min(misses, 60));
                gap = Math.round(point) - at;
            } else {
                // the points est, est + s, est + 2.5 s, est + 4.75 s, … (s = 1% of est, the gaps growing ×1.5): the
                // first one after now, however many polls the task had before (on the cold grid, say)
                double step = Math.max(MIN_STEP_MS, STEP * s.est);
                double point = s.est;
                double next = step;
                while (point <= at) {
                    point += next;
                    next *= GROWTH;
                }
                gap = Math.round(point) - at;
            }
        }
        return Duration.ofMillis(Math.min(max, Math.max(MIN_STEP_MS, gap)));
    }

    /**
     * A task of the account ended: it was still running {@code lo} after its submit (zero when no
     * poll found it running) and found done {@code hi} after it. Returns true when this made the
     * account's estimate known (the first sample): polls planned on the cold grid can come sooner.
     */
    boolean bracket(String account, Duration lo, Duration hi) {
        long h = hi.toMillis();
        if (h <= 0) {
            return false;
        }
        State s = state(account);
        synchronized (s) {
            long l = Math.max(0, lo.toMillis());
            if (!s.known() && s.floor > l && s.floor < h) {
                // another task of the account was still running later than this one's last miss
                l = s.floor;
            }
            if (l > 0 && l < h) {
                double half = (h - l) / 2.0;
                // a wide bracket (polls on the cold grid, or a poll that ran late) says little: it moves the
                // estimate in proportion to how narrow it is next to the steps the schedule takes
                double weight = s.known() ? Math.min(1, Math.max(s.dev, Math.max(MIN_STEP_MS, STEP * s.est)) / half) : 1;
                return learn(account, s, l + half, half, weight, "bracket " + l + ".." + h + " ms");
            }
            if (s.known() && h >= s.est) {
                // found at its first poll, which came after the estimate: says nothing new
                return false;
            }
            // found at its first poll, before the estimate: the latency is below it; aim under that poll
            return learn(account, s, h * (1 - 2 * PROBE), h * PROBE, 1, "done by " + h + " ms at the first poll");
        }
    }

    /** A task of the account took {@code took} (by the vendor's own times, or woken by a callback when it ended). */
    boolean measured(String account, Duration took) {
        long ms = took.toMillis();
        if (ms <= 0) {
            return false;
        }
        State s = state(account);
        synchronized (s) {
            return learn(account, s, ms, ms * PROBE / 2, 1, "measured " + ms + " ms");
        }
    }

    private static boolean learn(String account, State s, double sample, double firstDev, double weight, String what) {
        boolean first = !s.known();
        if (first) {
            s.est = sample;
            s.dev = firstDev;
        } else {
            double gain = GAIN * weight;
            s.dev += gain * (Math.abs(sample - s.est) - s.dev);
            s.est += gain * (sample - s.est);
        }
        s.samples++;
        if (LOG.isDebugEnabled()) {
            LOG.debug("latency of {}: {} → estimate {} ms, spread {} ms (sample {})", account, what, Math.round(s.est),
                    Math.round(s.dev), s.samples);
        }
        return first;
    }

    /** The probe: 2% or two spreads before the estimate, whichever is earlier, but not before half of it. */
    private static long probe(State s) {
        double back = Math.max(PROBE * s.est, 2 * s.dev);
        return Math.max(MIN_STEP_MS, Math.round(Math.max(s.est / 2, s.est - back)));
    }

    /** Task {@code id}'s offset of the cold grid, in [1, 1.5). */
    static double offset(long id) {
        double f = (id * SPREAD) % 1.0;
        return 1 + (f < 0 ? f + 1 : f) / 2;
    }
}
