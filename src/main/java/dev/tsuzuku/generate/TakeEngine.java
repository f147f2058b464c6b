package dev.tsuzuku.generate;

import dev.tsuzuku.jobs.JobEngine;
import dev.tsuzuku.jobs.JobType;
import dev.tsuzuku.jobs.Next;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.ProviderException;
import dev.tsuzuku.provider.ProviderFailure;
import dev.tsuzuku.store.Database;
import dev.tsuzuku.video.CostEstimator;
import dev.tsuzuku.video.Keyframe;
import dev.tsuzuku.video.KeyframeProvider;
import dev.tsuzuku.video.KeyframeRequest;
import dev.tsuzuku.video.TakeRequest;
import dev.tsuzuku.video.TaskState;
import dev.tsuzuku.video.VideoProvider;
import dev.tsuzuku.video.VideoTask;
import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.workspace.Sha256;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Takes: video clips (and keyframes) asked of AI providers for storyboard shots, carried through
 * a durable, crash-safe flow on the {@link JobEngine} (decision 0021):
 *
 * <ol>
 * <li>{@link #request} records the <em>intent</em> (a {@code takes} row in {@code intended},
 *     under an idempotency key derived from the shot's inputs) before anything is sent: the
 *     same inputs give the same take, never a second paid submission;</li>
 * <li>a {@code take} job claims a slot of the provider account (counted in the database, so the
 *     limit holds across processes; a 429 or Retry-After pauses the whole account), marks the
 *     take {@code submitting} and calls the provider;</li>
 * <li>the job polls the task as a rescheduled job with growing intervals (never a sleeping
 *     thread); {@link #onCallback} wakes it at once when a webhook arrives;</li>
 * <li>the output is downloaded, checked by the {@link ClipCheck} and stored content-addressed
 *     as {@code takes/<sha256>.mp4} in the workspace: the take is {@code verified}.</li>
 * </ol>
 *
 * <p>After a crash, a take left in {@code submitting} may or may not exist at the provider: it is
 * looked up by its key ({@link VideoProvider#find}) before anything is sent again; a provider that
 * cannot find by key leaves it {@code unconfirmed} rather than risk paying twice. Retryable
 * failures (rate limits, 5xx, timeouts, expiry, a failed generation) are retried with backoff and
 * jitter, up to {@link Builder#attempts} submissions; terminal ones end the take; a moderated take
 * gets one new take with a softened prompt ({@link PromptSoftener}), never the same prompt again.
 *
 * <p>Wiring: build it, then register its job type on the job engine builder before start:
 * <pre>{@code
 * TakeEngine takes = TakeEngine.builder(db, workspaceRoot).video(seedance, 5).build();
 * JobEngine jobs = takes.register(JobEngine.on(db, clock)).start();
 * long id = takes.request(shot, "seedance", request, estimate);
 * takes.awaitSettled("tales", 1, Duration.ofHours(2));
 * }</pre>
 */
public final class TakeEngine {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TakeEngine.class);

    /** The job type that drives one take; its id is the take's id. */
    public static final JobType<Step> TAKE_JOB = JobType.of("take", Step.class);

    /** The job type of the slot sweeper, the safety net behind the hand-off of freed slots. */
    public static final String SLOT_SWEEP = "take-slots";

    /**
     * A take job's data, kept with the job (so a poll that changes nothing costs no write of its
     * own): how many times in a row the last step had to back off (for the exponential delay),
     * how many polls found the task unfinished, when the planned poll was due (epoch ms; a run
     * well before it was woken by a callback) and when the provider last answered (epoch ms).
     *
     * @param tries   consecutive backoffs; reset by progress
     * @param polls   polls of the current task that found it unfinished
     * @param due     when the planned poll was due, 0 when none was planned
     * @param contact when the provider last answered, 0 when unknown
     */
    public record Step(int tries, int polls, long due, long contact) {
        static final Step FRESH = new Step(0, 0, 0, 0);

        Step next() {
            return new Step(tries + 1, polls, 0, contact);
        }

        static Step polling(int polls, Instant due, Instant contact) {
            return new Step(0, polls, due.toEpochMilli(), contact.toEpochMilli());
        }
    }

    private final TakeStore store;
    private final Path root;
    private final Map<String, VideoProvider> videos;
    private final Map<String, KeyframeProvider> keyframes;
    private final Map<String, String> accounts;
    private final Map<String, Integer> concurrency;
    private final ClipCheck clipCheck;
    private final PromptSoftener softener;
    private final Function<Long, URI> callbackUrl;
    private final int attempts;
    private final Duration backoffBase;
    private final Duration backoffMax;
    private final Duration slotWait;
    private final Duration darkAfter;
    private final Latencies latencies;
    private final Map<Long, Planned> planned = new java.util.concurrent.ConcurrentHashMap<>();
    private final Object settledSignal = new Object();
    private final Object manualDriver = new Object();
    private volatile JobEngine jobs;

    private TakeEngine(Builder b) {
        this.store = new TakeStore(b.db);
        this.root = b.root;
        this.videos = Map.copyOf(b.videos);
        this.keyframes = Map.copyOf(b.keyframes);
        this.accounts = Map.copyOf(b.accounts);
        this.concurrency = Map.copyOf(b.concurrency);
        this.clipCheck = b.clipCheck;
        this.softener = b.softener;
        this.callbackUrl = b.callbackUrl;
        this.attempts = b.attempts;
        this.backoffBase = b.backoffBase;
        this.backoffMax = b.backoffMax;
        this.slotWait = b.slotWait;
        this.darkAfter = b.darkAfter;
        Map<String, Duration> hints = new HashMap<>();
        b.expected.forEach((provider, d) -> hints.put(b.accounts.get(provider), d));
        this.latencies = new Latencies(b.pollFirst, b.pollMax, hints);
        store.onHandOff(this::handedSlot);
    }

    /** A builder for an engine keeping its ledger in {@code db} and its files under {@code workspaceRoot/takes/}. */
    public static Builder builder(Database db, Path workspaceRoot) {
        return new Builder(db, workspaceRoot);
    }

    /**
     * Registers the take job type on a job engine builder; when that engine starts, this engine
     * configures its provider accounts and carries on every take a previous run left unsettled.
     */
    public JobEngine.Builder register(JobEngine.Builder builder) {
        return builder.oneTime(TAKE_JOB, (id, step) -> step(Long.parseLong(id), step == null ? Step.FRESH : step))
                .recurring(SLOT_SWEEP, slotWait, at -> sweep())
                .onStart(this::started);
    }

    /** A freed slot was handed to take {@code id} (after the commit): its job runs at {@code at}. */
    private void handedSlot(long id, Instant at) {
        JobEngine engine = jobs;
        if (engine != null) {
            engine.wakeAt(TAKE_JOB, String.valueOf(id), at);
        }
    }

    /** Hands free slots on and wakes takes whose hand-off was lost (a process died between the two). */
    private void sweep() {
        if (jobs == null) {
            return;
        }
        store.sweep(now(), slotWait).forEach(h -> handedSlot(h.getKey(), h.getValue()));
    }

    private void started(JobEngine engine) {
        this.jobs = engine;
        Instant now = now();
        concurrency.forEach((account, limit) -> store.account(account, limit, now));
        for (long id : store.moderatedWithoutRewrite()) {
            soften(store.row(id).orElseThrow());
        }
        for (long id : store.unsettled()) {
            engine.schedule(TAKE_JOB, String.valueOf(id), Step.FRESH, now);
        }
    }

    // ---------------------------------------------------------------- public API

    /**
     * Asks for a video take of {@code shot} from {@code provider}. Records the intent (with the
     * estimate) before anything is sent and returns the take's id; asking again with the same
     * inputs returns the same take and sends nothing. The request's own idempotency key and
     * callback URL are ignored: the key is derived here from the inputs, the callback URL comes
     * from {@link Builder#callbacks}.
     */
    public long request(ShotKey shot, String provider, TakeRequest request, CostEstimator.Estimate estimate) {
        return requestVariant(shot, provider, request, estimate, 0);
    }

    /**
     * Asks for one more take of the same inputs (a regeneration): a new idempotency key, so a new
     * paid submission, once per call.
     */
    public long requestAnother(ShotKey shot, String provider, TakeRequest request, CostEstimator.Estimate estimate) {
        int variant = (int) store.takes(shot.series(), shot.episode()).stream()
                .filter(t -> t.shot().equals(shot)).count() + 1;
        return requestVariant(shot, provider, request, estimate, variant);
    }

    private long requestVariant(ShotKey shot, String provider, TakeRequest request, CostEstimator.Estimate estimate,
            int variant) {
        if (!videos.containsKey(provider)) {
            throw new IllegalArgumentException("no video provider '" + provider + "' (known: " + videos.keySet() + ")");
        }
        String json = Requests.json(request);
        return intend(shot, Take.VIDEO, provider, json, Requests.key(Take.VIDEO, shot, provider, variant, json),
                estimate, null);
    }

    /**
     * Asks for a keyframe of {@code shot} from an image provider, through the same ledger: the
     * intent is recorded before the (synchronous) call, and the image is stored content-addressed.
     */
    public long requestKeyframe(ShotKey shot, String provider, KeyframeRequest request,
            CostEstimator.Estimate estimate) {
        if (!keyframes.containsKey(provider)) {
            throw new IllegalArgumentException("no keyframe provider '" + provider + "' (known: " + keyframes.keySet()
                    + ")");
        }
        String json = Requests.json(request);
        return intend(shot, Take.KEYFRAME, provider, json, Requests.key(Take.KEYFRAME, shot, provider, 0, json),
                estimate, null);
    }

    private long intend(ShotKey shot, String kind, String provider, String json, String key,
            CostEstimator.Estimate estimate, Long softenedFrom) {
        JobEngine engine = engine();
        Instant now = now();
        TakeStore.Intent made = store.intend(shot, kind, provider, accounts.get(provider), key, json,
                estimate == null ? null : estimate.usd(), estimate == null ? null : estimate.basis(), softenedFrom, now);
        long id = made.id();
        if (made.created() && made.waiting()) {
            // its account is full: parked until a freed slot is handed to it (no job run just to find that out)
            engine.schedule(TAKE_JOB, String.valueOf(id), Step.FRESH, parked(now));
            if (store.row(id).map(TakeStore.Row::reserved).orElse(false)) {
                engine.wake(TAKE_JOB, String.valueOf(id)); // handed a slot before its job existed
            }
        } else if (made.created() || !store.take(id).orElseThrow().state().settled()) {
            engine.schedule(TAKE_JOB, String.valueOf(id), Step.FRESH, now);
        }
        return id;
    }

    /** Every take of an episode, by shot then id. */
    public List<Take> takes(String series, int episode) {
        return store.takes(series, episode);
    }

    /** One take. */
    public Optional<Take> take(long id) {
        return store.take(id);
    }

    /** A take's history, oldest first: every state it went through and why. */
    public List<TakeStore.Entry> history(long id) {
        return store.history(id);
    }

    /**
     * Makes a verified take the one the cut uses for its shot (the first verified take of a shot
     * is chosen automatically). A take that is not verified is an IllegalArgumentException.
     */
    public void choose(long takeId) {
        store.choose(takeId, now());
    }

    /** The chosen video take of a shot, if it has a verified one. */
    public Optional<Take> chosen(ShotKey shot) {
        return store.chosen(shot, Take.VIDEO);
    }

    /** The chosen keyframe of a shot, if it has a verified one. */
    public Optional<Take> chosenKeyframe(ShotKey shot) {
        return store.chosen(shot, Take.KEYFRAME);
    }

    /** Whether every take of the episode has settled (verified, or ended in a failure state). */
    public boolean settled(String series, int episode) {
        return store.unsettledCount(series, episode) == 0;
    }

    /**
     * Waits until every take of the episode has settled and returns them. With a job engine
     * started manually this drives it: runs what is due and moves its clock to the next due job,
     * so hours of provider time pass in milliseconds; otherwise it waits for the engine's threads
     * (of this or any other process) and gives up after {@code timeout}.
     */
    public List<Take> awaitSettled(String series, int episode, Duration timeout) {
        waitUntil(() -> settled(series, episode), "takes of " + series + " episode " + episode, timeout);
        return takes(series, episode);
    }

    /**
     * Waits until take {@code id} has settled, and returns what stands for it: the take, or when
     * it was moderated, its softened rewrite once that has settled. Several threads may wait at
     * once (an episode's shots go to the providers together); with a manually started job engine
     * one of them at a time drives it.
     */
    public Take await(long id, Duration timeout) {
        waitUntil(() -> standIn(id).state().settled(), "take " + id, timeout);
        return standIn(id);
    }

    /** The take, or its softened rewrite when it was moderated and one was made. */
    private Take standIn(long id) {
        Take t = store.take(id).orElseThrow(() -> new IllegalArgumentException("there is no take " + id));
        if (t.state() != TakeState.MODERATED) {
            return t;
        }
        return store.rewriteOf(id).map(this::standIn).orElse(t);
    }

    private void waitUntil(java.util.function.BooleanSupplier done, String what, Duration timeout) {
        JobEngine engine = engine();
        if (engine.manual()) {
            synchronized (manualDriver) {
                Instant limit = now().plus(timeout);
                while (!done.getAsBoolean()) {
                    engine.runDue();
                    if (done.getAsBoolean()) {
                        break;
                    }
                    Optional<Instant> due = engine.nextDue();
                    if (due.isEmpty() || due.get().isAfter(limit)) {
                        throw new TsuzukuException(what + " did not settle within " + timeout + " (engine time)");
                    }
                    Duration gap = Duration.between(now(), due.get());
                    if (!gap.isNegative() && !gap.isZero()) {
                        engine.advance(gap);
                    }
                }
            }
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TsuzukuException(what + " did not settle within " + timeout);
            }
            synchronized (settledSignal) {
                try {
                    // a take that ends signals; the bound covers takes other processes settle
                    settledSignal.wait(Math.min(Math.max(1, left / 1_000_000), 500));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TsuzukuException("interrupted while waiting for " + what, e);
                }
            }
        }
    }

    /**
     * A provider's webhook said task {@code taskId} changed: the take's job runs now (the state is
     * always read back from the provider, a callback is only a hint). Verify the callback's
     * signature before calling this. False when no take has this task.
     */
    public boolean onCallback(String provider, String taskId) {
        Optional<Long> id = store.byTask(provider, taskId);
        id.ifPresent(t -> engine().wake(TAKE_JOB, String.valueOf(t)));
        return id.isPresent();
    }

    /** The latency the engine has learnt for {@code provider}'s account (or its hint), null while unknown. */
    public Duration expectedLatency(String provider) {
        String account = accounts.get(provider);
        return account == null ? null : latencies.expected(account);
    }

    /** The ledger, for readers that need more than this API (history, accounts). */
    public TakeStore store() {
        return store;
    }

    // ---------------------------------------------------------------- the job

    private Next<Step> step(long id, Step step) {
        Optional<TakeStore.Row> found = store.row(id);
        if (found.isEmpty()) {
            return Next.done();
        }
        TakeStore.Row row = found.get();
        Next<Step> next = switch (row.state()) {
            case INTENDED -> submit(row, step);
            case SUBMITTING -> reconcile(row, step);
            case SUBMITTED, RUNNING -> poll(row, step);
            case DOWNLOADED -> verify(row, TakeState.DOWNLOADED, Map.of(), null, root.resolve(row.filePath()),
                    lastFrameIncoming(row.id()));
            default -> Next.done();
        };
        if (next.isDone()) {
            // the take settled (every path that ends a take returns done); wake whoever waits for it
            signal();
        }
        return next;
    }

    private Next<Step> submit(TakeStore.Row row, Step step) {
        Instant now = now();
        TakeStore.Claim claim = store.claim(row.id(), row.account(), now);
        if (claim instanceof TakeStore.Paused p) {
            return Next.at(jitter(p.until(), Duration.ofMillis(250)), step);
        }
        if (claim instanceof TakeStore.Full) {
            // parked: the take that frees a slot hands it to the oldest waiting take and wakes it, in any
            // process (TakeStore.handOff); the sweeper every slotWait is the net, this far wake-up the last one
            return Next.at(parked(now), step);
        }
        if (claim instanceof TakeStore.Moved) {
            return Next.at(now, step);
        }
        return Take.KEYFRAME.equals(row.take().kind()) ? generateKeyframe(row, step) : send(row, step, now);
    }

    /** Sends a take whose slot was claimed at {@code claimed} (its {@code submitted_at}, where its polls count from). */
    private Next<Step> send(TakeStore.Row row, Step step, Instant claimed) {
        VideoProvider provider = videos.get(row.take().provider());
        TakeRequest request = videoRequest(row, row.take().attempt());
        try {
            String taskId = provider.submit(request);
            Instant now = now();
            store.move(row.id(), TakeState.SUBMITTING, TakeState.SUBMITTED, "submitted as task " + taskId,
                    Map.of("task_id", taskId, "last_contact_at", now, "polls", 0), now);
            return firstPoll(row, claimed, now);
        } catch (ProviderException e) {
            return submitFailed(row, step, e);
        } catch (RuntimeException e) {
            LOG.warn("take {}: submit to {} ended in doubt: {}", row.id(), provider.name(), e.toString());
            return Next.at(now().plus(backoff(step)), step.next());
        }
    }

    /** A submit call failed: did the provider create the task? Only the kinds that say "no" go back to intended. */
    private Next<Step> submitFailed(TakeStore.Row row, Step step, ProviderException e) {
        Instant now = now();
        ProviderFailure f = e.failure();
        FailureKind kind = f.kind();
        String why = f.describe();
        switch (kind) {
            case RATE_LIMITED, CONCURRENCY_LIMIT, QUEUE_FULL -> {
                Duration wait = e.retryAfter().filter(d -> d.compareTo(backoff(step)) > 0).orElse(backoff(step));
                Instant until = jitter(now.plus(wait), wait.dividedBy(5));
                // the account is full or limited at the provider: no take of it goes before then (and the
                // slot this take frees is not handed on straight into the same refusal)
                store.pause(row.account(), until, now);
                store.move(row.id(), TakeState.SUBMITTING, TakeState.INTENDED, "refused, not created: " + why
                        + "; again after " + Duration.between(now, until).toMillis() + " ms", Map.of("last_contact_at", now),
                        now);
                return Next.at(until, step.next());
            }
            case MODERATION -> {
                moderated(row, TakeState.SUBMITTING, why);
                return Next.done();
            }
            case INVALID_REQUEST, AUTH, INSUFFICIENT_BALANCE, NOT_FOUND, CANCELLED -> {
                store.move(row.id(), TakeState.SUBMITTING, kind == FailureKind.CANCELLED ? TakeState.CANCELLED
                        : TakeState.FAILED, "refused: " + why, failure(f), now);
                return Next.done();
            }
            default -> {
                // UNREACHABLE: nothing reached the provider. SERVER_ERROR with an HTTP status: it answered that it
                // failed. TIMEOUT, or a 5xx we never saw the status of: in doubt, reconciled on the next run.
                boolean notCreated = kind == FailureKind.UNREACHABLE || kind == FailureKind.SERVER_ERROR && f.httpStatus() > 0;
                if (step.tries() > 0 && dark(row, now)) {
                    TakeState to = notCreated ? TakeState.FAILED : inDoubtEnd(row);
                    store.move(row.id(), TakeState.SUBMITTING, to, "provider unreachable for over " + darkAfter + ": " + why,
                            failure(f), now);
                    return Next.done();
                }
                // the first failure in a row starts the dark window; later ones measure from it
                Map<String, Object> sets = new HashMap<>();
                if (step.tries() == 0) {
                    sets.put("last_contact_at", now);
                }
                if (notCreated) {
                    store.move(row.id(), TakeState.SUBMITTING, TakeState.INTENDED, "not created: " + why, sets, now);
                } else {
                    sets.put("failure", why);
                    store.touch(row.id(), TakeState.SUBMITTING, sets, now);
                }
                return Next.at(now.plus(backoff(step)), step.next());
            }
        }
    }

    /** A take in {@code submitting} (in doubt, or left by a crash): find it at the provider before sending again. */
    private Next<Step> reconcile(TakeStore.Row row, Step step) {
        Instant now = now();
        if (Take.KEYFRAME.equals(row.take().kind())) {
            // image calls are synchronous: a lost answer is a lost image, asked again (decision 0021)
            store.move(row.id(), TakeState.SUBMITTING, TakeState.INTENDED, "answer lost; asking for the image again",
                    Map.of(), now);
            return Next.at(now, step);
        }
        VideoProvider provider = videos.get(row.take().provider());
        if (!provider.capabilities().findsByKey()) {
            store.move(row.id(), TakeState.SUBMITTING, TakeState.UNCONFIRMED, provider.name() + " cannot look up a task"
                    + " by our key and the submit's answer was lost: not sent again (it may have been paid); check the"
                    + " provider's task list and ask for another take if there is none",
                    Map.of("failure", "unconfirmed submit", "failure_kind", "UNCONFIRMED"), now);
            return Next.done();
        }
        TakeRequest request = videoRequest(row, row.take().attempt());
        Instant since = row.submittedAt() == null ? row.take().createdAt() : row.submittedAt();
        try {
            Optional<VideoTask> task = provider.find(request, since.minus(Duration.ofMinutes(5)));
            if (task.isPresent()) {
                store.move(row.id(), TakeState.SUBMITTING, TakeState.SUBMITTED, "found at the provider by key as task "
                        + task.get().taskId() + "; not sent again", Map.of("task_id", task.get().taskId(),
                                "last_contact_at", now, "polls", 0), now);
                return Next.at(now, Step.FRESH);
            }
            store.move(row.id(), TakeState.SUBMITTING, TakeState.INTENDED, "not found at the provider by key; to be sent",
                    Map.of("last_contact_at", now), now);
            return Next.at(now, Step.FRESH);
        } catch (ProviderException e) {
            if (dark(row, now)) {
                store.move(row.id(), TakeState.SUBMITTING, TakeState.FAILED, "provider unreachable for over " + darkAfter
                        + " while reconciling: " + e.failure().describe(), failure(e.failure()), now);
                return Next.done();
            }
            return Next.at(now.plus(retryDelay(step, e)), step.next());
        }
    }

    private TakeState inDoubtEnd(TakeStore.Row row) {
        return videos.containsKey(row.take().provider()) && videos.get(row.take().provider()).capabilities().findsByKey()
                ? TakeState.FAILED : TakeState.UNCONFIRMED;
    }

    /**
     * The first poll of a task submitted at {@code submitted}: the probe just before the account's
     * expected latency (decision 0034). With callbacks, later: they wake it, the poll is only the
     * net for a lost one.
     */
    private Next<Step> firstPoll(TakeStore.Row row, Instant submitted, Instant now) {
        Instant due;
        if (callbackUrl != null) {
            Duration e = latencies.expected(row.account());
            Duration wait = e != null ? e : latencies.first(row.account(), row.id());
            due = now.plus(wait.plus(wait.dividedBy(2)));
        } else {
            due = later(now, submitted.plus(latencies.first(row.account(), row.id())));
            planned.put(row.id(), new Planned(row.account(), submitted, due));
        }
        return Next.at(due, Step.polling(0, due, now));
    }

    /** A poll planned in this process, so it can come sooner when the account's latency becomes known. */
    private record Planned(String account, Instant submitted, Instant due) {}

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * The account's latency just became known (its first task ended): the tasks still polling on
     * the cold grid are brought forward to their probe, instead of each finding out by itself up
     * to half a latency late.
     */
    private void replan(String account, Instant now) {
        JobEngine engine = jobs;
        if (engine == null) {
            return;
        }
        planned.forEach((id, p) -> {
            if (!p.account().equals(account)) {
                return;
            }
            Instant at = later(now, p.submitted().plus(latencies.first(account, id)));
            if (at.isBefore(p.due()) && planned.replace(id, p, new Planned(account, p.submitted(), at))) {
                engine.wakeAt(TAKE_JOB, String.valueOf(id), at);
            }
        });
    }

    private Next<Step> poll(TakeStore.Row row, Step step) {
        VideoProvider provider = videos.get(row.take().provider());
        Planned plan = planned.remove(row.id());
        Instant before = now();
        Instant now;
        VideoTask task;
        try {
            task = provider.poll(row.take().taskId());
        } catch (ProviderException e) {
            now = now();
            if (e.kind() == FailureKind.NOT_FOUND || e.kind() == FailureKind.AUTH) {
                store.move(row.id(), row.state(), TakeState.FAILED, "poll: " + e.failure().describe(), failure(e.failure()),
                        now);
                return Next.done();
            }
            if (dark(row, step, now)) {
                store.move(row.id(), row.state(), TakeState.FAILED, "provider unreachable for over " + darkAfter + ": "
                        + e.failure().describe(), failure(e.failure()), now);
                return Next.done();
            }
            return Next.at(now.plus(retryDelay(step, e)), step.next());
        }
        now = now();
        int polls = Math.max(row.polls(), step.polls()) + 1;
        Map<String, Object> contact = new HashMap<>();
        contact.put("last_contact_at", now);
        contact.put("polls", polls);
        if (task.usage() != null) {
            contact.put("usage_unit", task.usage().unit());
            contact.put("usage_amount", task.usage().amount());
        }
        Instant submitted = row.submittedAt() != null ? row.submittedAt() : row.take().createdAt();
        switch (task.state()) {
            case QUEUED, RUNNING -> {
                if (task.state() == TaskState.RUNNING && row.state() == TakeState.SUBMITTED) {
                    store.move(row.id(), TakeState.SUBMITTED, TakeState.RUNNING, "running" + progress(task), contact, now);
                }
                // an unchanged task costs no write: the count and the contact travel with the job; the contact is
                // when this poll was sent, so the next finished poll knows the task was still running then
                Duration gap = latencies.next(row.account(), row.id(), polls, Duration.between(submitted, before));
                if (callbackUrl != null) {
                    // a net behind the callbacks: no need to hunt for the end
                    Duration e = latencies.expected(row.account());
                    Duration net = e != null ? e.dividedBy(4) : gap;
                    gap = gap.compareTo(net) < 0 ? net : gap;
                }
                Instant due = now.plus(gap);
                if (callbackUrl == null) {
                    planned.put(row.id(), new Planned(row.account(), submitted, due));
                }
                return Next.at(due, Step.polling(polls, due, before));
            }
            case SUCCEEDED -> {
                // when this poll was planned for: the job's time, or the earlier one a re-plan woke it for
                Instant due = plan != null ? plan.due() : step.due() > 0 ? Instant.ofEpochMilli(step.due()) : null;
                learn(row, step, task, submitted, due, now);
                // the provider has freed the slot: the next take goes now, not after this one's download
                store.providerDone(row.id(), row.state(), now);
                return download(row, task, contact, step);
            }
            default -> {
                return taskFailed(row, task.failure(), contact);
            }
        }
    }

    /**
     * What a finished task tells of its account's latency: the vendor's own created and ended
     * times when it reports them; the time it was found, when a callback woke the poll (the task
     * had just ended); otherwise the bracket between the last poll that found it running and
     * this one.
     */
    private void learn(TakeStore.Row row, Step step, VideoTask task, Instant submitted, Instant due, Instant now) {
        Optional<Duration> took = task.took();
        boolean known;
        if (took.isPresent()) {
            known = latencies.measured(row.account(), took.get());
        } else if (callbackUrl != null && step.due() > 0 && now.toEpochMilli() < step.due() - 5) {
            known = latencies.measured(row.account(), Duration.between(submitted, now));
        } else {
            Instant lo = step.polls() > 0 && step.contact() > 0 ? Instant.ofEpochMilli(step.contact()) : submitted;
            // a poll that ran late (a busy machine) widens the bracket upward by its lateness, and a run of them
            // would lift the estimate; its planned time errs low instead, by at most that lateness, which costs the
            // next tasks a poll, not a late find each
            Instant hi = due != null && due.isAfter(lo) && due.isBefore(now) ? due : now;
            known = latencies.bracket(row.account(), Duration.between(submitted, lo), Duration.between(submitted, hi));
        }
        if (known && callbackUrl == null) {
            replan(row.account(), now);
        }
    }

    private Next<Step> download(TakeStore.Row row, VideoTask task, Map<String, Object> contact, Step step) {
        VideoProvider provider = videos.get(row.take().provider());
        Path target = incoming(row.id(), ".mp4");
        Instant now;
        try {
            provider.download(task.video(), target);
        } catch (ProviderException e) {
            now = now();
            if (dark(row, step, now)) {
                store.move(row.id(), row.state(), TakeState.FAILED, "cannot download the output: " + e.failure().describe(),
                        merge(contact, failure(e.failure())), now);
                return Next.done();
            }
            return Next.at(now.plus(retryDelay(step, e)), step.next());
        }
        Path last = null;
        if (task.lastFrameUrl() != null) {
            try {
                last = provider.download(task.lastFrameUrl(), lastFrameIncoming(row.id()));
            } catch (ProviderException e) {
                // the clip is what was paid for; a missing last frame only means the next shot starts from its keyframe
                LOG.info("take {}: the last frame could not be downloaded: {}", row.id(), e.failure().describe());
            }
        }
        Map<String, Object> sets = new HashMap<>(contact);
        sets.put("file_path", root.relativize(target).toString());
        return verify(row, row.state(), sets, "downloaded " + size(target) + " bytes", target, last);
    }

    /** A task that ended without output: retry a retryable failure as a new attempt; end the rest. */
    private Next<Step> taskFailed(TakeStore.Row row, ProviderFailure f, Map<String, Object> contact) {
        Instant now = now();
        FailureKind kind = f.kind();
        String why = f.describe();
        if (kind.moderation()) {
            store.touch(row.id(), row.state(), contact, now);
            moderated(row, row.state(), why);
            return Next.done();
        }
        if (kind == FailureKind.CANCELLED) {
            store.move(row.id(), row.state(), TakeState.CANCELLED, why, merge(contact, failure(f)), now);
            return Next.done();
        }
        if (kind.retryable() && row.take().attempt() < attempts) {
            Map<String, Object> sets = merge(contact, failure(f));
            sets.put("attempt", row.take().attempt() + 1);
            sets.put("task_id", null);
            sets.put("polls", 0);
            store.move(row.id(), row.state(), TakeState.INTENDED, "task failed (" + why + "); attempt "
                    + (row.take().attempt() + 1) + " of " + attempts + " under a new key", sets, now);
            return Next.at(now, Step.FRESH);
        }
        TakeState end = kind == FailureKind.EXPIRED ? TakeState.EXPIRED : TakeState.FAILED;
        store.move(row.id(), row.state(), end, why + (kind.retryable() ? "; " + attempts + " attempts spent" : ""),
                merge(contact, failure(f)), now);
        return Next.done();
    }

    private void moderated(TakeStore.Row row, TakeState from, String why) {
        Instant now = now();
        boolean rewrite = row.take().softenedFrom() == null;
        store.move(row.id(), from, TakeState.MODERATED, "moderated: " + why + (rewrite
                ? "; a softened prompt is tried once as a new take" : "; the softened prompt was refused too, no more tries"),
                Map.of("failure", why, "failure_kind", FailureKind.MODERATION.name()), now);
        if (rewrite) {
            soften(store.row(row.id()).orElseThrow());
        }
    }

    /** The one softened retry of a moderated take, as a new take (idempotent: its key comes from the new prompt). */
    private void soften(TakeStore.Row row) {
        String softened = softener.soften(row.take().prompt());
        if (softened == null || softened.isBlank() || softened.equals(row.take().prompt())) {
            LOG.info("take {}: the softener left the prompt as it was; no rewrite", row.id());
            return;
        }
        String json = Requests.withPrompt(row.requestJson(), softened);
        String kind = row.take().kind();
        String key = Requests.key(kind, row.take().shot(), row.take().provider(), 0, json);
        intend(row.take().shot(), kind, row.take().provider(), json, key, null, row.id());
    }

    /**
     * Checks a downloaded output and stores it (and its last frame) content-addressed; the moves
     * {@code from → downloaded → verified}, the artifact and the choice are one commit.
     */
    private Next<Step> verify(TakeStore.Row row, TakeState from, Map<String, Object> downloadedSets, String downloadedNote,
            Path file, Path lastFrame) {
        Instant now = now();
        boolean video = Take.VIDEO.equals(row.take().kind());
        List<String> problems = video ? clipCheck.problems(file, Requests.seconds(row.requestJson()))
                : KeyframeCheck.problems(file);
        if (!problems.isEmpty()) {
            if (from != TakeState.DOWNLOADED) {
                store.move(row.id(), from, TakeState.DOWNLOADED, downloadedNote, downloadedSets, now);
            }
            store.move(row.id(), TakeState.DOWNLOADED, TakeState.FAILED, "the output failed its check: "
                    + String.join("; ", problems), Map.of("failure", String.join("; ", problems),
                            "failure_kind", "CHECK"), now);
            delete(file);
            if (lastFrame != null) {
                delete(lastFrame);
            }
            return Next.done();
        }
        Stored clip = storeFile(file, video ? ".mp4" : null);
        Map<String, Object> sets = new HashMap<>();
        sets.put("file_path", clip.relative());
        sets.put("file_hash", clip.hash());
        sets.put("file_bytes", clip.bytes());
        if (lastFrame != null && Files.isRegularFile(lastFrame) && KeyframeCheck.problems(lastFrame).isEmpty()) {
            sets.put("last_frame_path", storeFile(lastFrame, null).relative());
        }
        store.verified(row.id(), from, downloadedNote, downloadedSets, "verified and stored as " + clip.relative()
                + (sets.containsKey("last_frame_path") ? " (last frame " + sets.get("last_frame_path") + ")" : ""), sets,
                clip.relative(), clip.hash(), clip.bytes(), now);
        return Next.done();
    }

    private record Stored(String relative, String hash, long bytes) {}

    /** Moves a checked file to {@code takes/<sha256><ext>} (the extension from its bytes when null). */
    private Stored storeFile(Path file, String ext) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TsuzukuException("cannot read the downloaded take " + file + ": " + e.getMessage(), e);
        }
        String hash = Sha256.hex(bytes);
        Path stored = root.resolve("takes").resolve(hash + (ext != null ? ext : extension(bytes)));
        try {
            Files.createDirectories(stored.getParent());
            if (Files.exists(stored) && Files.size(stored) == bytes.length) {
                Files.delete(file);
            } else {
                AtomicFiles.move(file, stored);
            }
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(stored, e);
        }
        return new Stored(root.relativize(stored).toString(), hash, bytes.length);
    }

    private Next<Step> generateKeyframe(TakeStore.Row row, Step step) {
        KeyframeProvider provider = keyframes.get(row.take().provider());
        KeyframeRequest request = Requests.keyframe(row.requestJson(),
                Requests.attemptKey(row.take().idempotencyKey(), row.take().attempt()));
        Keyframe image;
        try {
            image = provider.generate(request);
        } catch (ProviderException e) {
            return submitFailed(row, step, e);
        }
        Instant now = now();
        Path target = incoming(row.id(), ".img");
        try {
            provider.save(image, target);
        } catch (ProviderException e) {
            return submitFailed(row, step, e);
        }
        Map<String, Object> sets = new HashMap<>();
        sets.put("file_path", root.relativize(target).toString());
        sets.put("last_contact_at", now);
        if (image.usage() != null) {
            sets.put("usage_unit", image.usage().unit());
            sets.put("usage_amount", image.usage().amount());
        }
        return verify(row, TakeState.SUBMITTING, sets, "generated " + size(target) + " bytes", target, null);
    }

    // ---------------------------------------------------------------- helpers

    private TakeRequest videoRequest(TakeStore.Row row, int attempt) {
        URI callback = callbackUrl == null ? null : callbackUrl.apply(row.id());
        return Requests.video(row.requestJson(), Requests.attemptKey(row.take().idempotencyKey(), attempt), callback);
    }

    private boolean dark(TakeStore.Row row, Instant now) {
        return dark(row, Step.FRESH, now);
    }

    /** Whether the provider has not answered for longer than {@code darkAfter} (its last answer: the row's or the job's). */
    private boolean dark(TakeStore.Row row, Step step, Instant now) {
        Instant since = row.lastContact() == null ? row.take().createdAt() : row.lastContact();
        if (step.contact() > 0 && Instant.ofEpochMilli(step.contact()).isAfter(since)) {
            since = Instant.ofEpochMilli(step.contact());
        }
        return Duration.between(since, now).compareTo(darkAfter) > 0;
    }

    /** When a take waiting for a slot looks by itself, if no hand-off and no sweep woke it first. */
    private Instant parked(Instant now) {
        return jitter(now.plus(slotWait.multipliedBy(10)), slotWait);
    }

    private Path lastFrameIncoming(long id) {
        return incoming(id, "-last.img");
    }

    private Duration backoff(Step step) {
        long ms = backoffBase.toMillis() << Math.min(step.tries(), 20);
        return Duration.ofMillis(Math.min(ms, backoffMax.toMillis()));
    }

    private Duration retryDelay(Step step, ProviderException e) {
        Duration b = backoff(step);
        Duration wait = e.retryAfter().filter(d -> d.compareTo(b) > 0).orElse(b);
        return Duration.ofMillis(jitterMillis(wait.toMillis(), wait.toMillis() / 5));
    }

    private static Instant jitter(Instant at, Duration spread) {
        long s = Math.max(1, spread.toMillis());
        return at.plusMillis(ThreadLocalRandom.current().nextLong(s));
    }

    private static long jitterMillis(long base, long spread) {
        return base + (spread <= 0 ? 0 : ThreadLocalRandom.current().nextLong(-spread, spread + 1));
    }

    private static Map<String, Object> failure(ProviderFailure f) {
        Map<String, Object> m = new HashMap<>();
        m.put("failure", f.describe());
        m.put("failure_kind", f.kind().name());
        return m;
    }

    private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }

    private static String progress(VideoTask t) {
        return t.progress() == null ? "" : String.format(java.util.Locale.ROOT, " (%.0f%%)", t.progress() * 100);
    }

    private Path incoming(long id, String suffix) {
        Path dir = root.resolve("takes").resolve("incoming");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(dir, e);
        }
        return dir.resolve("take-" + id + suffix);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", p, e.toString());
        }
    }

    private static String extension(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return ".png";
        }
        if (b.length > 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) {
            return ".jpg";
        }
        if (b.length > 11 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return ".webp";
        }
        return ".img";
    }

    private void signal() {
        synchronized (settledSignal) {
            settledSignal.notifyAll();
        }
    }

    private Instant now() {
        return engine().clock().instant();
    }

    private JobEngine engine() {
        JobEngine engine = jobs;
        if (engine == null) {
            throw new IllegalStateException("the take engine is not registered on a started job engine (register(...).start())");
        }
        return engine;
    }

    /** Providers, limits and timings. */
    public static final class Builder {
        private final Database db;
        private final Path root;
        private final Map<String, VideoProvider> videos = new LinkedHashMap<>();
        private final Map<String, KeyframeProvider> keyframes = new LinkedHashMap<>();
        private final Map<String, String> accounts = new LinkedHashMap<>();
        private final Map<String, Integer> concurrency = new LinkedHashMap<>();
        private ClipCheck clipCheck;
        private PromptSoftener softener = PromptSoftener.words();
        private Function<Long, URI> callbackUrl;
        private int attempts = 3;
        private Duration pollFirst = Duration.ofSeconds(10);
        private Duration pollMax = Duration.ofSeconds(30);
        private Duration backoffBase = Duration.ofSeconds(2);
        private Duration backoffMax = Duration.ofMinutes(5);
        private Duration slotWait = Duration.ofSeconds(30);
        private Duration darkAfter = Duration.ofMinutes(30);
        private final Map<String, Duration> expected = new LinkedHashMap<>();

        private Builder(Database db, Path root) {
            this.db = Objects.requireNonNull(db, "db");
            this.root = root.toAbsolutePath().normalize();
        }

        /** A video provider whose account runs at most {@code concurrency} tasks at once (account = its name). */
        public Builder video(VideoProvider provider, int concurrency) {
            return video(provider, provider.name(), concurrency);
        }

        /** A video provider on a named account; providers sharing an account share its limit. */
        public Builder video(VideoProvider provider, String account, int concurrency) {
            videos.put(provider.name(), provider);
            return account(provider.name(), account, concurrency);
        }

        /** An image provider for keyframes, at most {@code concurrency} calls at once. */
        public Builder keyframes(KeyframeProvider provider, int concurrency) {
            keyframes.put(provider.name(), provider);
            return account(provider.name(), provider.name(), concurrency);
        }

        private Builder account(String provider, String account, int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("concurrency of " + account + " must be >= 1, was " + limit);
            }
            accounts.put(provider, account);
            concurrency.put(account, limit);
            return this;
        }

        /** The check a downloaded clip must pass (default: none set, which {@link #build} refuses). */
        public Builder clipCheck(ClipCheck check) {
            this.clipCheck = check;
            return this;
        }

        public Builder softener(PromptSoftener s) {
            this.softener = s;
            return this;
        }

        /** The webhook URL sent with each submission, per take id (the server's route); none by default. */
        public Builder callbacks(Function<Long, URI> url) {
            this.callbackUrl = url;
            return this;
        }

        /** Submissions per take before a retryable task failure ends it (default 3). */
        public Builder attempts(int n) {
            this.attempts = n;
            return this;
        }

        /**
         * Polling before anything is known of an account's latency: the first poll {@code first}
         * after submit (default 10 s), growing ×1.5 per poll; no gap is ever longer than {@code max}
         * (default 30 s). Once tasks of the account have finished, polls follow its learnt latency
         * ({@link Latencies}).
         */
        public Builder polling(Duration first, Duration max) {
            this.pollFirst = first;
            this.pollMax = max;
            return this;
        }

        /** Backoff after a retryable error: {@code base} doubling per try up to {@code max} (2 s, 5 min), with jitter. */
        public Builder backoff(Duration base, Duration max) {
            this.backoffBase = base;
            this.backoffMax = max;
            return this;
        }

        /**
         * A provider's typical task time (its documentation's figure), where the first poll goes
         * before the engine has learnt the account's own; none by default.
         */
        public Builder expect(String provider, Duration typical) {
            expected.put(provider, typical);
            return this;
        }

        /**
         * How often the slot sweeper runs (default 30 s): the safety net that hands free slots to
         * waiting takes when the take that freed one could not (its process died in between).
         */
        public Builder slotWait(Duration d) {
            this.slotWait = d;
            return this;
        }

        /** How long a provider may fail to answer before its takes fail (30 min), so the shot can fall back. */
        public Builder darkAfter(Duration d) {
            this.darkAfter = d;
            return this;
        }

        public TakeEngine build() {
            if (clipCheck == null) {
                throw new IllegalStateException("set a clipCheck (MediaClipCheck for real takes)");
            }
            return new TakeEngine(this);
        }
    }
}
