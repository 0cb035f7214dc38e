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
        /** The WhatsApp provider or its connection is down; sends wait (WARNING, then CRITICAL; INFO when it is back). */
        WHATSAPP_DISCONNECTED,
        /** Every send stopped: the provider refused our account or configuration, or quality limits (INFO when resumed). */
        PROVIDER_PAUSED,
        /** A message the provider keeps not accepting (rate limits) after many attempts; it keeps waiting. */
        SEND_DELAYED,
        /** A Correios API answered in a way that means a wrong setup (e.g. a 404 that is not its "nothing found"). */
        CORREIOS_API_ERROR,
        /** A code registered by hand is described differently by a later pre-posting (details: both versions, masked). */
        REGISTRATION_CONFLICT,
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
