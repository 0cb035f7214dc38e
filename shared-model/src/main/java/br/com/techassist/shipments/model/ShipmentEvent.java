package br.com.techassist.shipments.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What every event on the shipment topics carries (contract). */
public sealed interface ShipmentEvent
        permits ShipmentRegistered,
                ContactValidated,
                ShipmentStatusChanged,
                NotificationSent,
                NotificationFailed,
                NotificationStatusUpdated,
                ShipmentAlert,
                PersonalDataErasureRequested,
                PersonalDataErased {

    UUID eventId();

    OffsetDateTime occurredAt();

    String trackingCode();
}
