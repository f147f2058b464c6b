package dev.tsuzuku.model;

/**
 * The one error root. The CLI maps it to exit code 1 and prints its message without a stack
 * trace. {@code retryable} tells the job engine whether trying again may help.
 */
public class TsuzukuException extends RuntimeException {
    private final boolean retryable;

    public TsuzukuException(String message) {
        this(message, null, false);
    }

    public TsuzukuException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public TsuzukuException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
