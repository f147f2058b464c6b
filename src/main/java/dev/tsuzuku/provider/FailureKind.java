package dev.tsuzuku.provider;

/**
 * Why a provider call or task failed, as classified by the adapter that saw the vendor's answer.
 * The job engine needs only {@link #retryable()} and {@link #moderation()}: a retryable kind is
 * tried again later (honouring any Retry-After), a terminal one is not; a moderation failure is
 * not retried with the same prompt but flags the shot for one softened prompt.
 */
public enum FailureKind {
    /** HTTP 429 or a vendor "requests per minute" code. */
    RATE_LIMITED(true),
    /** The account's parallel-task slots are full (Kling 1303). */
    CONCURRENCY_LIMIT(true),
    /** The account's queue is full (Seedance: 120 queued tasks per account). */
    QUEUE_FULL(true),
    /** 5xx, maintenance, or a vendor "internal error" code. */
    SERVER_ERROR(true),
    /** No answer within the adapter's timeout. */
    TIMEOUT(true),
    /** The host could not be reached at all. */
    UNREACHABLE(true),
    /** The task ran past its execution window, or a signed output URL has expired. */
    EXPIRED(true),
    /** The task ran and failed for a reason the vendor did not blame on the input. */
    GENERATION_FAILED(true),
    /** The vendor's safety system refused the prompt, an input image or the output. */
    MODERATION(false),
    /** The request itself is wrong (parameter, size, model name): the same request fails again. */
    INVALID_REQUEST(false),
    /** The key is missing, wrong, expired or lacks permission. */
    AUTH(false),
    /** Arrears, an exhausted resource pack or quota, an overdue account. */
    INSUFFICIENT_BALANCE(false),
    /** The task id is unknown to the provider. */
    NOT_FOUND(false),
    /** Someone cancelled the task. */
    CANCELLED(false);

    private final boolean retryable;

    FailureKind(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    public boolean moderation() {
        return this == MODERATION;
    }
}
