package dev.tsuzuku.provider;

import dev.tsuzuku.model.TsuzukuException;
import java.time.Duration;
import java.util.Optional;

/**
 * A provider call failed. Carries the classified {@link ProviderFailure} and the Retry-After the
 * vendor asked for, if any. The message never contains a credential: adapters build it through
 * {@link Secrets#redact}.
 */
public class ProviderException extends TsuzukuException {
    private final String provider;
    private final ProviderFailure failure;
    private final Duration retryAfter;

    public ProviderException(String provider, ProviderFailure failure, Duration retryAfter, Throwable cause) {
        super(provider + ": " + failure.describe(), cause, failure.retryable());
        this.provider = provider;
        this.failure = failure;
        this.retryAfter = retryAfter;
    }

    public ProviderException(String provider, ProviderFailure failure) {
        this(provider, failure, null, null);
    }

    public String provider() {
        return provider;
    }

    public ProviderFailure failure() {
        return failure;
    }

    public FailureKind kind() {
        return failure.kind();
    }

    /** How long the vendor asked us to wait before the next call, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
