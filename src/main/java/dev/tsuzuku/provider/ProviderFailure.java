package dev.tsuzuku.provider;

/**
 * One classified failure: the kind that drives the engine, plus what the vendor said (HTTP
 * status, its own error code, its message), already free of secrets. {@code httpStatus} is 0
 * when the failure came inside a task object rather than as an HTTP error.
 */
public record ProviderFailure(FailureKind kind, int httpStatus, String code, String message) {

    public ProviderFailure {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        code = code == null ? "" : code;
        message = message == null ? "" : message;
    }

    public boolean retryable() {
        return kind.retryable();
    }

    /** One line for logs and notices: kind, status, code and message. */
    public String describe() {
        StringBuilder s = new StringBuilder(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        if (httpStatus > 0) {
            s.append(" (HTTP ").append(httpStatus).append(')');
        }
        if (!code.isEmpty()) {
            s.append(" [").append(code).append(']');
        }
        if (!message.isEmpty()) {
            s.append(": ").append(message);
        }
        return s.toString();
    }
}
