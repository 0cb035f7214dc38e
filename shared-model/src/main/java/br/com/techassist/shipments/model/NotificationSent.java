package br.com.techassist.shipments.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The provider accepted a message.
 *
 * @param recipient the WhatsApp recipient, masked; still personal data (see {@link PersonalDataFields})
 */
public record NotificationSent(
        UUID eventId,
        OffsetDateTime occurredAt,
        String trackingCode,
        NotificationKind kind,
        String provider,
        String providerMessageId,
        String recipient)
        implements ShipmentEvent {}
