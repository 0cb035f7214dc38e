package br.com.techassist.shipments.support.outbox;

import java.util.Optional;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Tells a failure that belongs to the record itself (sending it again can never succeed: too large
 * for the broker, not serialisable, not readable from its row) from every other failure, which the
 * relay treats as the broker being away and retries without limit. Only the first kind is parked;
 * the reasons it gives carry sizes and type names, never the payload.
 */
final class Unpublishable {

    private static final int LONGEST_REASON = 500;

    private Unpublishable() {}

    /** Why the record that failed with {@code failure} can never be published, or empty when it may be retried. */
    static Optional<String> reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException) {
                return Optional.of(cut("too large for Kafka: " + t.getMessage()));
            }
            if (t instanceof SerializationException || t instanceof InvalidTopicException) {
                return Optional.of(cut(t.getClass().getSimpleName() + " (the record cannot be sent as it is)"));
            }
            if (t instanceof UnreadableRowException) {
                return Optional.of(cut(t.getMessage()));
            }
        }
        return Optional.empty();
    }

    private static String cut(String reason) {
        return reason.length() <= LONGEST_REASON ? reason : reason.substring(0, LONGEST_REASON - 1) + "…";
    }

    /** An outbox row whose type or payload cannot be turned back into an event. */
    static final class UnreadableRowException extends RuntimeException {
        UnreadableRowException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
