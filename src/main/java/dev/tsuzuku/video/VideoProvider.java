package dev.tsuzuku.video;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: an AI video provider's asynchronous task API. Every method makes at most a few HTTP
 * calls and returns: nothing sleeps or polls in a loop; waiting between polls (and backoff
 * after a {@link dev.tsuzuku.provider.ProviderException}) is the job engine's business.
 * Failures are thrown as {@link dev.tsuzuku.provider.ProviderException} classified retryable or
 * terminal; a task that ends badly comes back from {@link #poll} as {@link TaskState#FAILED}
 * with the same classification.
 */
public interface VideoProvider {

    /** Short stable name for ledgers and the manifest, e.g. {@code seedance}. */
    String name();

    Capabilities capabilities();

    /** Creates the task and returns the provider task id at once. */
    String submit(TakeRequest request);

    /** The task's current state. */
    VideoTask poll(String taskId);

    /**
     * Reconciliation after a crash between recording the intent and recording the task id:
     * finds the task this request created, if any, by its idempotency key (Kling
     * {@code external_task_id}, Seedance's task listing). Empty when none exists, or when the
     * provider cannot look tasks up by key ({@link Capabilities#findsByKey()} is false).
     *
     * @param since the intent's time: tasks created before it cannot be ours
     */
    Optional<VideoTask> find(TakeRequest request, Instant since);

    /** Downloads an output URL to {@code target} (atomically); the URL is fetched without credentials. */
    Path download(URI output, Path target);
}
