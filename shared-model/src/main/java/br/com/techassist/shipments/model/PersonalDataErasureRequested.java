package br.com.techassist.shipments.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Every service must erase (delete or irreversibly anonymise) the personal data it holds of one
 * parcel, on {@value Topics#PRIVACY} (LGPD). Published by prepost-ingest when a person asks
 * ({@link Reason#REQUEST}, art. 18) and by tracking-poller when a finished parcel has been kept for
 * {@code PII_RETENTION} ({@link Reason#RETENTION}). Each service confirms with
 * {@link PersonalDataErased}. Carries no personal data itself.
 *
 * @param requestId the erasure request this belongs to ({@code retention-<trackingCode>} for retention)
 */
public record PersonalDataErasureRequested(
        UUID eventId,
        OffsetDateTime occurredAt,
        String trackingCode,
        String requestId,
        Reason reason)
        implements ShipmentEvent {

    /** Why the parcel's personal data is erased. */
    public enum Reason {
        /** The person (titular) asked for it. */
        REQUEST,
        /** The parcel finished longer ago than {@code PII_RETENTION}. */
        RETENTION
    }

    /** The deterministic event id: the same request for the same parcel is one event. */
    public static UUID idFor(String requestId, String trackingCode) {
        return EventIds.of("PersonalDataErasureRequested", requestId, trackingCode);
    }
}
