package br.com.techassist.shipments.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A message could not be sent; {@code retryable} false means it never will be. {@code recipient} is masked. */
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
