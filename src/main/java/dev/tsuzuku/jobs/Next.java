package dev.tsuzuku.jobs;

import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link JobHandler} wants after a run: nothing more ({@link #done()}), or to run again
 * at a time with (possibly new) data ({@link #at}).
 */
public final class Next<T> {
    private static final Next<?> DONE = new Next<>(null, null);

    private final Instant at;
    private final T data;

    private Next(Instant at, T data) {
        this.at = at;
        this.data = data;
    }

    @SuppressWarnings("unchecked")
    public static <T> Next<T> done() {
        return (Next<T>) DONE;
    }

    /** Run the job again at {@code at} (now or in the past: as soon as a thread is free) with {@code data}. */
    public static <T> Next<T> at(Instant at, T data) {
        return new Next<>(Objects.requireNonNull(at, "at"), data);
    }

    public boolean isDone() {
        return at == null;
    }

    /** When to run again; null when done. */
    public Instant time() {
        return at;
    }

    public T data() {
        return data;
    }

    @Override
    public String toString() {
        return isDone() ? "Next[done]" : "Next[at " + at + "]";
    }
}
