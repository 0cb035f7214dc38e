package br.com.techassist.shipments.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A new parcel to follow: one per tracking code, published by prepost-ingest on
 * {@value Topics#REGISTERED}. Its id is derived from the tracking code, so a replay has the same id.
 *
 * @param recipient personal data (every field of it; see {@link PersonalDataFields})
 * @param notes the company's free text: personal data (it may say anything about the recipient)
 */
public record ShipmentRegistered(
        UUID eventId,
        OffsetDateTime occurredAt,
        String trackingCode,
        Source source,
        String prePostingId,
        String serviceCode,
        String serviceName,
        Recipient recipient,
        List<ContentItem> contents,
        String invoiceNumber,
        String notes)
        implements ShipmentEvent {

    public ShipmentRegistered {
        contents = contents == null ? List.of() : List.copyOf(contents);
    }

    /** The deterministic id of the registration of {@code trackingCode}. */
    public static UUID idFor(String trackingCode) {
        return EventIds.of("ShipmentRegistered", trackingCode);
    }

    /** Where the registration came from. */
    public enum Source {
        PRE_POSTING,
        MANUAL
    }
}
