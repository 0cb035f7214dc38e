package br.com.techassist.shipments.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A service's confirmation, on {@value Topics#PRIVACY}, that it erased the personal data it held of
 * one parcel in answer to {@link PersonalDataErasureRequested} (also when it held none). Carries no
 * personal data itself.
 *
 * @param service the confirming service ({@code prepost-ingest}, {@code phone-validator}, …)
 * @param rows how many rows it changed (0: it held nothing, or had erased it already)
 */
public record PersonalDataErased(
        UUID eventId,
        OffsetDateTime occurredAt,
        String trackingCode,
        String requestId,
        String service,
        int rows)
        implements ShipmentEvent {

    /** The deterministic event id: one confirmation per service, request and parcel. */
    public static UUID idFor(String service, String requestId, String trackingCode) {
        return EventIds.of("PersonalDataErased", service, requestId, trackingCode);
    }
}
