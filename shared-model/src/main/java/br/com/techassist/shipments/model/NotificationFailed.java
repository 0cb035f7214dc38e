package br.com.techassist.shipments.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A message could not be sent; {@code retryable} false means it never will be.
 *
 * @param recipient the WhatsApp recipient, masked; still personal data (see {@link PersonalDataFields})
 * @param reason why, for an operator: never a phone, e-mail or name in clear
 */
public record NotificationFailed(
        UUID eventId,
        OffsetDateTime occurredAt,
        String trackingCode,
        NotificationKind kind,
        String provider,
        String providerMessageId,
        String recipient,
        String reason,
        boolean retryable,
        int attempts)
        implements ShipmentEvent {}
