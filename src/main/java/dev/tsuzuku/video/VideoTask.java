package dev.tsuzuku.video;

import dev.tsuzuku.provider.ProviderFailure;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A provider task as last seen.
 *
 * @param taskId      the adapter's task id, opaque to callers (what {@link VideoProvider#poll} takes)
 * @param state       queued, running, succeeded or failed
 * @param detail      the vendor's own status word (e.g. {@code THROTTLED}, {@code expired})
 * @param progress    0..1 when the vendor reports it, else null
 * @param videoUrls   the outputs once succeeded (pre-signed, they expire: download promptly)
 * @param lastFrameUrl the last frame as an image, when asked for and returned (Seedance)
 * @param failure     why it failed, classified; null unless {@code state == FAILED}
 * @param externalId  the idempotency key as the vendor echoes it, or null
 * @param usage       what the vendor billed, when it says
 * @param createdAt   when the vendor created it, or null
 * @param updatedAt   when the vendor last changed it (for an ended task: when it ended), or null; Seedance's
 *                    {@code updated_at}, Kling's {@code updated_at} / {@code update_time}; Runway has none
 */
public record VideoTask(
        String taskId,
        TaskState state,
        String detail,
        Double progress,
        List<URI> videoUrls,
        URI lastFrameUrl,
        ProviderFailure failure,
        String externalId,
        Usage usage,
        Instant createdAt,
        Instant updatedAt) {

    /** A task as a vendor without an update time reports it. */
    public VideoTask(String taskId, TaskState state, String detail, Double progress, List<URI> videoUrls, URI lastFrameUrl,
            ProviderFailure failure, String externalId, Usage usage, Instant createdAt) {
        this(taskId, state, detail, progress, videoUrls, lastFrameUrl, failure, externalId, usage, createdAt, null);
    }

    public VideoTask {
        videoUrls = videoUrls == null ? List.of() : List.copyOf(videoUrls);
        if (state == TaskState.SUCCEEDED && videoUrls.isEmpty()) {
            throw new IllegalArgumentException("a succeeded task needs an output URL");
        }
        if (state == TaskState.FAILED && failure == null) {
            throw new IllegalArgumentException("a failed task needs a failure");
        }
    }

    public URI video() {
        return videoUrls.isEmpty() ? null : videoUrls.get(0);
    }

    /**
     * How long the task took by the vendor's own clock (created to ended), for a task that has
     * ended and whose vendor reports both times; empty otherwise. Both times come from one clock,
     * so no skew between ours and the vendor's enters; the resolution is the vendor's (Seedance:
     * seconds).
     */
    public Optional<Duration> took() {
        boolean ended = state == TaskState.SUCCEEDED || state == TaskState.FAILED;
        if (!ended || createdAt == null || updatedAt == null || updatedAt.isBefore(createdAt)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(createdAt, updatedAt));
    }
}
