package dev.tsuzuku.jobs;

/**
 * The work of one job type. It runs on one of the engine's threads, at most once at a time per
 * job id across every process sharing the database. It must not sleep: to wait (for a provider
 * task, after a rate limit) it returns {@link Next#at} and the engine runs it again then, even
 * in another process after a crash.
 *
 * <p>A job may run more than once for the same step (a process killed after the work but before
 * the engine recorded it runs the job again): make each step safe to repeat, e.g. by recording
 * intent in the database before a call that costs money. An exception is logged and the job is
 * tried again with exponential backoff.
 */
@FunctionalInterface
public interface JobHandler<T> {

    Next<T> run(String id, T data);
}
