package br.com.techassist.shipments.model;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Something an operator should look at, published on {@value Topics#ALERTS} by any service.
 * {@code trackingCode} may be null for alerts about a service rather than a parcel.
 */
public record ShipmentAlert(
        UUID eventId,
        OffsetDateTime occurredAt,
        String trackingCode,
        AlertType type,
        Severity severity,
        String message,
        Map<String, String> details)
        implements ShipmentEvent {

    public ShipmentAlert {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** What happened. */
    public enum AlertType {
        STALLED,
        NEVER_POSTED,
        INVALID_TRACKING_CODE,
        RETURNED,
        LOST,
        DELIVERY_REVERSED,
        UNKNOWN_EVENT_CODE,
        REJECTED_PRE_POSTING,
        NO_WHATSAPP,
        SEND_FAILED,
        SEND_UNCERTAIN,
        PROVIDER_AUTH_FAILED,
        /** A service could not publish one of its events (too large, not serialisable): parked in its outbox. */
        OUTBOX_PARKED
    }

    /** How urgent it is. */
    public enum Severity {
        INFO,
        WARNING,
        CRITICAL
    }
}
