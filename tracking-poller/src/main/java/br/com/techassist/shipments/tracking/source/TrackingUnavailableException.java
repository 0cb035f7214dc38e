package br.com.techassist.shipments.tracking.source;

/** The tracking source cannot answer now (5xx or 429 after retries, timeouts, circuit open, refused credentials). */
public class TrackingUnavailableException extends RuntimeException {

    private final String reason;

    public TrackingUnavailableException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** A short tag for metrics: {@code unavailable}, {@code auth_failed} or {@code error}. */
    public String reason() {
        return reason;
    }
}
