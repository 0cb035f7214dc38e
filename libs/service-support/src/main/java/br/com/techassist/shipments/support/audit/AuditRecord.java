package br.com.techassist.shipments.support.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One change made through the API.
 *
 * @param at when
 * @param actor who: the API key's name, or the JWT's subject
 * @param action what, e.g. {@code shipment.registered}, {@code contact.corrected}
 * @param trackingCode the parcel it concerns
 * @param before the state before, personal data masked (null when it did not exist)
 * @param after the state after, personal data masked
 * @param requestId the request's {@code X-Request-Id}
 */
public record AuditRecord(Instant at, String actor, String action, String trackingCode, @Nullable JsonNode before,
        @Nullable JsonNode after, String requestId) {}
