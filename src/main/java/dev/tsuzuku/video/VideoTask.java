package dev.tsuzuku.video;

import dev.tsuzuku.provider.ProviderFailure;
import java.net.URI;
import java.time.Instant;
import java.util.List;

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
        Instant createdAt) {

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
}
