package br.com.techassist.shipments.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The provider reported a new delivery status for a message.
 *
 * @param recipient the WhatsApp recipient, masked; still personal data (see {@link PersonalDataFields})
 */
public record NotificationStatusUpdated(
        UUID eventId,
        OffsetDateTime occurredAt,
        String trackingCode,
        NotificationKind kind,
        String provider,
        String providerMessageId,
        String recipient,
        DeliveryStatus status,
        String errorCode)
        implements ShipmentEvent {

    /** Provider-side status of a message, in the order it can only move forward (FAILED aside). */
    public enum DeliveryStatus {
        SENT,
        DELIVERED,
        READ,
        FAILED
    }
}
