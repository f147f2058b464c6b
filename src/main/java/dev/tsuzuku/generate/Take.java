package dev.tsuzuku.generate;

import java.time.Instant;
import java.util.Optional;

/**
 * One take as recorded.
 *
 * @param id             the take's id
 * @param shot           the shot it is for
 * @param kind           {@code video} or {@code keyframe}
 * @param provider       the provider's name ({@code seedance}, {@code kling}, …)
 * @param state          where it stands
 * @param idempotencyKey derived from the shot's inputs (and the variant): same inputs, same take
 * @param attempt        1 for the first submission; a retryable failure sends the take round again
 * @param taskId         the provider's task id once known
 * @param prompt         the prompt as submitted
 * @param estimateUsd    the estimate recorded with the intent, or null
 * @param usageUnit      what the provider billed, in its unit ({@code tokens}, {@code units}, …), or null
 * @param usageAmount    how much of it, or null
 * @param softenedFrom   the moderated take this one rewrites, or null
 * @param failure        why it failed (kind and the vendor's words, no secrets), or null
 * @param file           the verified file, workspace-relative and content-addressed, or null
 * @param fileHash       its SHA-256, or null
 * @param chosen         whether the cut uses this take for its shot
 * @param createdAt      when the intent was recorded
 * @param updatedAt      the last change
 * @param lastFrame      the take's last frame as the provider returned it (workspace-relative,
 *                       content-addressed), for the next continuous shot; null when it returned none
 */
public record Take(long id, ShotKey shot, String kind, String provider, TakeState state, String idempotencyKey,
        int attempt, String taskId, String prompt, Double estimateUsd, String usageUnit, Double usageAmount,
        Long softenedFrom, String failure, String file, String fileHash, boolean chosen, Instant createdAt,
        Instant updatedAt, String lastFrame) {

    public static final String VIDEO = "video";
    public static final String KEYFRAME = "keyframe";

    public Optional<String> verifiedFile() {
        return state == TakeState.VERIFIED ? Optional.ofNullable(file) : Optional.empty();
    }
}
