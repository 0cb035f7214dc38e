package br.com.techassist.shipments.model;

/** A tracking code that is missing, malformed or has a wrong check digit. */
public class InvalidTrackingCodeException extends IllegalArgumentException {
    public InvalidTrackingCodeException(String message) {
        super(message);
    }
}
