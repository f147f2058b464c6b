package dev.tsuzuku.video;

/** A provider task's state, mapped from each vendor's own words. */
public enum TaskState {
    /** Accepted, waiting for a slot (Seedance queued, Kling submitted, Runway PENDING/THROTTLED). */
    QUEUED,
    /** Generating. */
    RUNNING,
    /** Done, with at least one output URL. */
    SUCCEEDED,
    /** Ended without output: failed, cancelled or expired; the {@code failure} says which. */
    FAILED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
