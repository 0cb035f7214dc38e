package br.com.techassist.shipments.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A parcel moved to a new milestone, published by tracking-poller on {@value Topics#STATUS}, one per
 * milestone change, oldest first. {@code deliveryReversed} is true when the parcel goes back after it
 * was delivered: subscribers must not treat it as a new arrival.
 */
public record ShipmentStatusChanged(
        UUID eventId,
        OffsetDateTime occurredAt,
        String trackingCode,
        Milestone milestone,
        Milestone previousMilestone,
        boolean terminal,
        boolean deliveryReversed,
        CorreiosEvent correiosEvent,
        OffsetDateTime expectedDelivery)
        implements ShipmentEvent {

    /** The deterministic id of the change caused by {@code event} on {@code trackingCode}. */
    public static UUID idFor(String trackingCode, Milestone milestone, CorreiosEvent event) {
        return EventIds.of(
                "ShipmentStatusChanged",
                trackingCode,
                milestone,
                event == null ? "" : event.code(),
                event == null ? "" : event.type(),
                event == null || event.occurredAt() == null ? "" : event.occurredAt().toInstant());
    }
}
