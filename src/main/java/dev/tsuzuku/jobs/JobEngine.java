package dev.tsuzuku.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Durable jobs on the state database (H2 or PostgreSQL), through db-scheduler (decision 0021).
 * A job is a row in {@code scheduled_tasks}: it survives a crash, and when several processes
 * share a PostgreSQL database each due job runs in exactly one of them (row locks), so the
 * engine is clustered without any server of its own.
 *
 * <p>Register every job type before {@link Builder#start()} (db-scheduler must know a type to
 * run its rows; rows of an unknown type wait, they are not lost):
 *
 * <pre>{@code
 * JobEngine jobs = JobEngine.on(db, clock)
 *         .oneTime(TAKE, (id, data) -> ...)            // runs once per scheduled id, may reschedule itself
 *         .recurring("drops", Duration.ofMinutes(1), at -> ...)
 *         .start();
 * jobs.schedule(TAKE, "42", data, jobs.clock().instant());
 * }</pre>
 *
 * <p>Two modes: {@link Builder#start()} runs jobs on background threads against the given
 * clock; {@link Builder#startManual()} runs nothing by itself: {@link #runDue()} runs what is
 * due on the caller's thread and {@link #advance} moves the engine's own settable clock, so
 * tests drive hours of backoff without sleeping.
 */
public final class JobEngine implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JobEngine.class);

    private final Scheduler scheduler;
    private final ManualScheduler manual;
    private final Clock clock;
    private final Map<String, Task<?>> tasks;
    private final Set<String> wakeWhileRunning = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService alarms;
    private volatile boolean stopped;

    private JobEngine(Scheduler scheduler, ManualScheduler manual, Clock clock, Map<String, Task<?>> tasks) {
        this.scheduler = scheduler;
        this.manual = manual;
        this.clock = clock;
        this.tasks = tasks;
        this.alarms = manual != null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jobs-alarm");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Makes this process look for due jobs at {@code at}: db-scheduler itself notices a job that
     * a job rescheduled for itself only at its next database poll ({@link Builder#pollEvery}),
     * which would put up to a poll interval between a planned provider poll and the real one.
     */
    private void alarm(Instant at) {
        if (alarms == null || stopped) {
            return;
        }
        // +1 ms: the timer rounds down, and a check a hair early finds nothing due
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis() + 1);
        try {
            alarms.schedule(scheduler::triggerCheckForDueExecutions, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("job engine stopping; no alarm for {}", at);
        }
    }

    /** A builder for an engine on {@code db} that tells time by {@code clock} (UTC). */
    public static Builder on(Database db, Clock clock) {
        return new Builder(db, clock);
    }

    /** The engine's clock: the given one, or in manual mode the settable one {@link #advance} moves. */
    public Clock clock() {
        return clock;
    }

    /**
     * Schedules job {@code id} of {@code type} to run at {@code at} with {@code data}, unless a
     * job with that id is already scheduled (then nothing changes and this returns false). This
     * makes scheduling idempotent: call it again after a crash without fear of a second job.
     */
    public <T> boolean schedule(JobType<T> type, String id, T data, Instant at) {
        Task<T> task = task(type);
        return scheduler.scheduleIfNotExists(task.instance(id, data), at);
    }

    /** Whether job {@code id} of {@code type} is scheduled (or running) now. */
    public boolean scheduled(JobType<?> type, String id) {
        return scheduler.getScheduledExecution(TaskInstanceId.of(type.name(), id)).isPresent();
    }

    /**
     * Asks for job {@code id} to run as soon as possible (a webhook said its task changed, a
     * slot came free). If it is running right now, its next run is brought forward to now when it
     * finishes (in this process). Returns false when no such job is scheduled.
     */
    public boolean wake(JobType<?> type, String id) {
        return wakeAt(type, id, clock.instant());
    }

    /**
     * Asks for job {@code id} to run at {@code at} (or now, when that has passed) instead of its
     * planned time, as {@link #wake} does for now.
     */
    public boolean wakeAt(JobType<?> type, String id, Instant at) {
        String key = type.name() + "/" + id;
        Instant now = clock.instant();
        Instant when = at.isBefore(now) ? now : at;
        try {
            boolean moved = scheduler.reschedule(TaskInstanceId.of(type.name(), id), when);
            if (!moved) {
                wakeWhileRunning.add(key);
            } else if (manual == null) {
                if (when.equals(now)) {
                    scheduler.triggerCheckForDueExecutions();
                } else {
                    alarm(when);
                }
            }
            return moved || scheduled(type, id);
        } catch (TaskInstanceException e) {
            // running now (or just finished): its completion looks at the flag
            wakeWhileRunning.add(key);
            return scheduled(type, id);
        }
    }

    /** Removes job {@code id} of {@code type} if it is scheduled and not running. */
    public boolean cancel(JobType<?> type, String id) {
        try {
            scheduler.cancel(TaskInstanceId.of(type.name(), id));
            return true;
        } catch (TaskInstanceException e) {
            return false;
        }
    }

    /** Manual mode only: runs every job due by the engine's clock, on this thread, and returns when done. */
    public void runDue() {
        requireManual().runAnyDueExecutions();
    }

    /** Manual mode only: moves the engine's clock forward. */
    public void advance(Duration by) {
        requireManual().tick(by);
    }

    /** Whether this engine was started with {@link Builder#startManual()}. */
    public boolean manual() {
        return manual != null;
    }

    /** The earliest time any job is due, if any job is scheduled. */
    public java.util.Optional<Instant> nextDue() {
        Instant[] min = {null};
        scheduler.fetchScheduledExecutions(e -> {
            if (min[0] == null || e.getExecutionTime().isBefore(min[0])) {
                min[0] = e.getExecutionTime();
            }
        });
        return java.util.Optional.ofNullable(min[0]);
    }

    private ManualScheduler requireManual() {
        if (manual == null) {
            throw new IllegalStateException("runDue/advance need an engine started with startManual()");
        }
        return manual;
    }

    @SuppressWarnings("unchecked")
    private <T> Task<T> task(JobType<T> type) {
        Task<?> task = tasks.get(type.name());
        if (task == null) {
            throw new IllegalArgumentException("job type '" + type.name() + "' was not registered before start"
                    + " (known: " + tasks.keySet() + ")");
        }
        if (!task.getDataClass().equals(type.dataType())) {
            throw new IllegalArgumentException("job type '" + type.name() + "' carries " + task.getDataClass().getName()
                    + ", not " + type.dataType().getName());
        }
        return (Task<T>) task;
    }

    /** Stops taking new jobs and waits (briefly) for running ones; their rows stay for the next start. */
    public void stop() {
        if (!stopped) {
            stopped = true;
            if (alarms != null) {
                alarms.shutdownNow();
            }
            scheduler.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Registers job types and settings, then starts the engine. */
    public static final class Builder {
        private final Database db;
        private final Clock clock;
        private final Map<String, Task<?>> known = new LinkedHashMap<>();
        private final List<RecurringTask<?>> recurring = new ArrayList<>();
        private final List<Runnable> bindings = new ArrayList<>();
        private int threads = 8;
        private Duration pollEvery = Duration.ofSeconds(2);
        private Duration heartbeat = Duration.ofSeconds(5);
        private int missedHeartbeats = 4;
        private JobEngine built;

        private Builder(Database db, Clock clock) {
            this.db = Objects.requireNonNull(db, "db");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /**
         * A job type whose jobs run once per scheduled id, and again whenever the handler returns
         * {@link Next#at}. A job that throws is retried with exponential backoff (from 5 s); a job
         * whose process died while running it is run again once its heartbeat is missed.
         */
        public <T> Builder oneTime(JobType<T> type, JobHandler<T> handler) {
            Objects.requireNonNull(handler, "handler");
            String name = type.name();
            requireNew(name);
            Task<T> task = Tasks.custom(name, type.dataType())
                    .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5), 2.0))
                    .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                    .execute((instance, context) -> {
                        String key = name + "/" + instance.getId();
                        engine().wakeWhileRunning.remove(key);
                        Next<T> next = handler.run(instance.getId(), instance.getData());
                        return completion(key, next);
                    });
            known.put(name, task);
            return this;
        }

        private <T> CompletionHandler<T> completion(String key, Next<T> next) {
            if (next.isDone()) {
                return (complete, ops) -> ops.remove();
            }
            return (complete, ops) -> {
                Instant at = next.time();
                JobEngine engine = engine();
                if (engine.wakeWhileRunning.remove(key)) {
                    Instant now = engine.clock.instant();
                    at = at.isAfter(now) ? now : at;
                }
                ops.reschedule(complete, at, next.data());
                engine.alarm(at);
            };
        }

        /** A job that runs every {@code every} (measured from the end of the previous run); it hears its planned time. */
        public Builder recurring(String name, Duration every, Consumer<Instant> action) {
            return recurring(name, Schedules.fixedDelay(every), action);
        }

        /** A job that runs every day at {@code time} in {@code zone} (e.g. a release hour); it hears its planned time. */
        public Builder daily(String name, LocalTime time, ZoneId zone, Consumer<Instant> action) {
            return recurring(name, Schedules.daily(zone, time), action);
        }

        private Builder recurring(String name, Schedule schedule, Consumer<Instant> action) {
            requireNew(name);
            Objects.requireNonNull(action, "action");
            RecurringTask<Void> task = Tasks.recurring(name, schedule)
                    .execute((instance, context) -> action.accept(context.getExecution().executionTime));
            known.put(name, task);
            recurring.add(task);
            return this;
        }

        private void requireNew(String name) {
            if (built != null) {
                throw new IllegalStateException("register job types before start()");
            }
            if (known.containsKey(name)) {
                throw new IllegalArgumentException("job type '" + name + "' is registered twice");
            }
        }

        /** Worker threads (default 8): how many jobs this process runs at once. */
        public Builder threads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("threads must be >= 1, was " + n);
            }
            this.threads = n;
            return this;
        }

        /** How often the database is asked for due jobs (default 2 s); jobs scheduled for now in this process start at once. */
        public Builder pollEvery(Duration every) {
            this.pollEvery = every;
            return this;
        }

        /**
         * How often a running job's heartbeat is written (default 5 s) and how many may be missed
         * (default 4) before another process takes the job over as dead (a SIGKILLed process).
         */
        public Builder heartbeat(Duration every, int missed) {
            this.heartbeat = every;
            this.missedHeartbeats = missed;
            return this;
        }

        /** Runs {@code action} with the started engine (for a component that schedules its own jobs). */
        public Builder onStart(Consumer<JobEngine> action) {
            bindings.add(() -> action.accept(engine()));
            return this;
        }

        private JobEngine engine() {
            if (built == null) {
                throw new IllegalStateException("the job engine has not started");
            }
            return built;
        }

        /** Starts background threads that run due jobs until {@link JobEngine#stop()}. */
        public JobEngine start() {
            SchedulerBuilder b = Scheduler.create(db.dataSource(), oneTimeTasks());
            configure(b);
            Scheduler s = b.clock(clock::instant)
                    .threads(threads)
                    .pollingInterval(pollEvery)
                    .heartbeatInterval(heartbeat)
                    .missedHeartbeatsLimit(missedHeartbeats)
                    .enableImmediateExecution()
                    .build();
            built = new JobEngine(s, null, clock, Map.copyOf(known));
            bindings.forEach(Runnable::run);
            try {
                s.start();
            } catch (RuntimeException e) {
                throw new TsuzukuException("cannot start the job engine on " + db.where() + ": " + e.getMessage(), e);
            }
            LOG.debug("job engine started on {} with {} threads, types {}", db.where(), threads, known.keySet());
            return built;
        }

        /**
         * Starts an engine that runs nothing by itself, with its own settable clock starting at
         * the given clock's instant: call {@link JobEngine#runDue()} and {@link JobEngine#advance}.
         */
        public JobEngine startManual() {
            SettableClock settable = new SettableClock();
            settable.set(clock.instant());
            TestHelper.ManualSchedulerBuilder b = TestHelper.createManualScheduler(db.dataSource(), oneTimeTasks());
            configure(b);
            b.clock(settable);
            b.startTasks(recurring);
            ManualScheduler s = b.build();
            Clock view = new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    throw new UnsupportedOperationException("the job engine's clock is UTC");
                }

                @Override
                public Instant instant() {
                    return settable.now();
                }
            };
            built = new JobEngine(s, s, view, Map.copyOf(known));
            bindings.forEach(Runnable::run);
            s.start();
            return built;
        }

        /** The known tasks without the recurring ones, which db-scheduler adds itself from startTasks. */
        private List<Task<?>> oneTimeTasks() {
            List<Task<?>> tasks = new ArrayList<>(known.values());
            tasks.removeAll(recurring);
            return tasks;
        }

        private void configure(SchedulerBuilder b) {
            b.serializer(new JacksonSerializer())
                    .alwaysPersistTimestampInUTC()
                    .shutdownMaxWait(Duration.ofSeconds(5));
            if (!(b instanceof TestHelper.ManualSchedulerBuilder)) {
                b.startTasks(recurring);
            }
        }
    }
}
