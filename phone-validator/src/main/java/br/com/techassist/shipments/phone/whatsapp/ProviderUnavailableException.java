package br.com.techassist.shipments.phone.whatsapp;

/** The provider gave no usable answer; the check must be retried later. */
public class ProviderUnavailableException extends RuntimeException {

    private final String outcome;

    public ProviderUnavailableException(String outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
    }

    /** Metric tag: {@code server_error}, {@code client_error}, {@code unreachable} or {@code bad_response}. */
    public String outcome() {
        return outcome;
    }
}
