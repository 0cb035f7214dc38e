package br.com.techassist.shipments.ingest.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An erasure request as {@code GET /api/privacy/erasures/{id}} shows it: per parcel, which services
 * confirmed and which are awaited; {@code complete} when every expected service confirmed every parcel
 * (at once for a request that found none).
 *
 * @param status {@code requested} until complete, then {@code complete}
 */
record ErasureProgress(
        UUID id,
        Instant requestedAt,
        String requestedBy,
        List<String> identifierKinds,
        String status,
        boolean complete,
        List<Parcel> parcels) {

    /** One parcel of the request. */
    record Parcel(String trackingCode, List<Confirmation> confirmed, List<String> awaiting) {}

    /** One service's {@code PersonalDataErased}: how many rows it changed, and when. */
    record Confirmation(String service, int rows, Instant erasedAt) {}
}
