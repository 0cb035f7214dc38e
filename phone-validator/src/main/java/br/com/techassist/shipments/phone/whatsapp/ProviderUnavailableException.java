package br.com.techassist.shipments.phone.whatsapp;

import java.time.Duration;
import java.util.Optional;

/** The provider gave no usable answer; the check must be retried later. */
public class ProviderUnavailableException extends RuntimeException {

    private final String outcome;
    private final Duration retryAfter;

    public ProviderUnavailableException(String outcome, String message, Throwable cause) {
        this(outcome, message, cause, null);
    }

    /** @param retryAfter how long the provider asked us to wait ({@code Retry-After}), null when it did not say */
    public ProviderUnavailableException(String outcome, String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.outcome = outcome;
        this.retryAfter = retryAfter;
    }

    /**
     * Metric tag: {@code server_error}, {@code rate_limited}, {@code client_error}, {@code unreachable} or
     * {@code bad_response}.
     */
    public String outcome() {
        return outcome;
    }

    /** The wait the provider asked for, when it named one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
