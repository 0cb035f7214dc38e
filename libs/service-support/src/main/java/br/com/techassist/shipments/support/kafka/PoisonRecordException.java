package br.com.techassist.shipments.support.kafka;

/** Thrown by a listener for a record that can never be processed: it goes to the dead-letter topic at once. */
public class PoisonRecordException extends RuntimeException {
    public PoisonRecordException(String message) {
        super(message);
    }
}
