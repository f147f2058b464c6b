package dev.tsuzuku.app;

import dev.tsuzuku.jobs.JobEngine;
import dev.tsuzuku.jobs.JobType;
import dev.tsuzuku.jobs.Next;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.store.ReleaseRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily drop as durable jobs of one workspace (decision 0025), on the job engine over its
 * state database. One {@code drop} job per series runs {@link Releases#tick()} and schedules
 * itself again for the next drop (or a release ordered earlier), by the release calendar, so skip
 * days and daylight saving are the calendar's and not the engine's. A row whose time passed while
 * nothing ran is run when the engine starts: that is the late drop, and the tick makes it happen
 * once. When the buffer is low the tick's plan names episodes to produce, and a
 * {@code produce-ahead} job makes them (write, then produce; what is up to date is skipped).
 */
public final class DropJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DropJobs.class);

    public static final JobType<DropJob> DROP = JobType.of("drop", DropJob.class);
    public static final JobType<ProduceJob> PRODUCE = JobType.of("produce-ahead", ProduceJob.class);
    /** How long a drop job waits before it tries again when the workspace cannot be read (a broken bible). */
    static final Duration RETRY = Duration.ofMinutes(10);

    /** The drop job's data: which series (the job id is the series id too). */
    public record DropJob(String series) {}

    /** Episodes the buffer asks for. */
    public record ProduceJob(String series, List<Integer> episodes) {}

    /** The longest the drop job sleeps: a release ordered from the CLI, or an edited schedule, counts within this. */
    static final Duration LOOK_AGAIN = Duration.ofMinutes(1);

    private final JobEngine engine;
    private volatile String lastWarning;

    private DropJobs(JobEngine engine) {
        this.engine = engine;
    }

    public JobEngine engine() {
        return engine;
    }

    /**
     * Starts the drop jobs of the studio's series on background threads (the server); empty when the
     * workspace has no season yet (nothing can drop; the next start looks again).
     */
    public static Optional<DropJobs> start(Studio studio) {
        return start(studio, false);
    }

    private static Optional<DropJobs> start(Studio studio, boolean manual) {
        return start(studio, manual, job -> studio.releases().produceAhead(job.episodes()));
    }

    /**
     * The same with an engine that runs only when asked ({@link JobEngine#runDue()}) when
     * {@code manual}, and {@code producer} doing the buffer's production: the tests' way.
     */
    static Optional<DropJobs> start(Studio studio, boolean manual, java.util.function.Consumer<ProduceJob> producer) {
        String series;
        try {
            series = studio.releases().seriesId();
        } catch (TsuzukuException e) {
            LOG.info("{}: no drops until the season is planned ({})", studio.workspace().root(), e.getMessage());
            return Optional.empty();
        }
        DropJobs[] self = new DropJobs[1];
        JobEngine.Builder b = JobEngine.on(studio.database(), studio.clock()).threads(2)
                .oneTime(DROP, (id, data) -> self[0].drop(studio, data))
                .oneTime(PRODUCE, (id, data) -> {
                    LOG.info("{}: producing episodes {} for the buffer", data.series(), data.episodes());
                    producer.accept(data);
                    return Next.done();
                });
        JobEngine engine = manual ? b.startManual() : b.start();
        self[0] = new DropJobs(engine);
        // Run the drop job now: a drop missed while nothing ran happens at once, and an edited
        // schedule counts from now rather than from the time the old row was planned for.
        engine.schedule(DROP, series, new DropJob(series), engine.clock().instant());
        engine.wake(DROP, series);
        return Optional.of(self[0]);
    }

    private Next<DropJob> drop(Studio studio, DropJob data) {
        Instant now = studio.clock().instant();
        try {
            Releases releases = studio.releases();
            Releases.Tick t = releases.tick();
            if (!t.plan().toProduce().isEmpty()) {
                String id = data.series() + "/" + t.plan().toProduce().stream().map(String::valueOf).collect(Collectors.joining(","));
                if (engine.schedule(PRODUCE, id, new ProduceJob(data.series(), t.plan().toProduce()), now)) {
                    LOG.info("{}: the buffer is low ({} of {} finished ahead): production of episodes {} scheduled",
                            data.series(), t.plan().finishedAhead(), t.plan().buffer(), t.plan().toProduce());
                }
            }
            String warning = t.plan().warning().map(w -> w.message()).orElse(null);
            if (warning != null && !warning.equals(lastWarning)) {
                LOG.warn("{}: {}", data.series(), warning);
            }
            lastWarning = warning;
            return Next.at(wake(releases, studio, data.series(), now), data);
        } catch (TsuzukuException e) {
            LOG.warn("{}: the drop job cannot run ({}); it tries again in {} minutes", data.series(), e.getMessage(),
                    RETRY.toMinutes());
            return Next.at(now.plus(RETRY), data);
        }
    }

    /** The next time the drop job must run: the next drop, a release ordered before it, or in a minute at the latest. */
    private static Instant wake(Releases releases, Studio studio, String series, Instant now) {
        Instant next = releases.nextDrop().toInstant();
        if (next.isAfter(now.plus(LOOK_AGAIN))) {
            next = now.plus(LOOK_AGAIN);
        }
        for (ReleaseRepository.Order o : new ReleaseRepository(studio.database(), studio.clock()).orders(series)) {
            if (o.dueAt().isAfter(now) && o.dueAt().isBefore(next)) {
                next = o.dueAt();
            }
        }
        return next;
    }

    @Override
    public void close() {
        engine.close();
    }
}
