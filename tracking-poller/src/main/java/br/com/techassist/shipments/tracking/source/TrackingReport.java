package br.com.techassist.shipments.tracking.source;

import br.com.techassist.shipments.model.CorreiosEvent;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the source knows about one object.
 *
 * @param trackingCode the object
 * @param status found, not (yet) known, or invalid
 * @param message the source's message for unknown or invalid objects (e.g. {@code SRO-020: ...})
 * @param expectedDelivery the delivery forecast, when there is one
 * @param events the events, newest first, as Correios sends them
 */
public record TrackingReport(
        String trackingCode,
        Status status,
        @Nullable String message,
        @Nullable OffsetDateTime expectedDelivery,
        List<CorreiosEvent> events) {

    public TrackingReport {
        events = events == null ? List.of() : List.copyOf(events);
    }

    public static TrackingReport found(String trackingCode, @Nullable OffsetDateTime expectedDelivery,
            List<CorreiosEvent> newestFirst) {
        return new TrackingReport(trackingCode, Status.FOUND, null, expectedDelivery, newestFirst);
    }

    public static TrackingReport notFound(String trackingCode, String message) {
        return new TrackingReport(trackingCode, Status.NOT_FOUND, message, null, List.of());
    }

    public static TrackingReport invalid(String trackingCode, String message) {
        return new TrackingReport(trackingCode, Status.INVALID, message, null, List.of());
    }

    /** The kinds of answer. */
    public enum Status {
        /** Correios knows the object (it may still have no events). */
        FOUND,
        /** {@code SRO-020}: not in the Correios database yet; keep polling, slower. */
        NOT_FOUND,
        /** {@code SRO-019}: not a valid object; stop polling. */
        INVALID
    }
}
