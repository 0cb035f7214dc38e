package br.com.techassist.shipments.ingest.privacy;

import br.com.techassist.shipments.ingest.registration.MaskedRegistration;
import br.com.techassist.shipments.ingest.registration.PersonalDataIndex;
import br.com.techassist.shipments.model.PersonalDataErasureRequested;
import br.com.techassist.shipments.support.audit.AuditTrail;
import br.com.techassist.shipments.support.jdbc.MultiRowInsert;
import br.com.techassist.shipments.support.logging.Masking;
import br.com.techassist.shipments.support.outbox.Outbox;
import br.com.techassist.shipments.support.privacy.PersonalDataKeys;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files erasure requests (LGPD art. 18): the person's identifiers are turned into keys, the erasure
 * index gives every parcel registered for them, and one {@link PersonalDataErasureRequested} per
 * parcel goes to the outbox, with the request, its parcels and the audit records, in one transaction.
 * The identifiers themselves are never stored (the audit trail has them masked).
 */
@Service
class Erasures {

    private static final Logger log = LoggerFactory.getLogger(Erasures.class);

    /** What was filed: the request id and the parcels found (none: nothing is held of the person). */
    record Filed(UUID id, List<String> parcels) {}

    private final JdbcClient jdbc;
    private final PersonalDataIndex index;
    private final PersonalDataKeys keys;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final MeterRegistry meters;
    private final Clock clock;

    Erasures(JdbcClient jdbc, PersonalDataIndex index, PersonalDataKeys keys, Outbox outbox, AuditTrail audit,
            MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.index = index;
        this.keys = keys;
        this.outbox = outbox;
        this.audit = audit;
        this.meters = meters;
        this.clock = clock;
        for (String outcome : List.of("found", "nothing_held")) {
            meters.counter("ingest.erasures.requested", "outcome", outcome);
        }
    }

    @Transactional
    Filed file(ErasureRequestBody request, String requestedBy) {
        List<String> hashes = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        Map<String, String> masked = new LinkedHashMap<>();
        keys.phone(request.phone()).ifPresent(hash -> add(hashes, kinds, masked, hash, "phone", Masking.phone(request.phone())));
        keys.email(request.email()).ifPresent(hash -> add(hashes, kinds, masked, hash, "email", Masking.email(request.email())));
        keys.document(request.document()).ifPresent(hash ->
                add(hashes, kinds, masked, hash, "document", MaskedRegistration.document(request.document())));
        List<String> codes = index.codesOf(hashes);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO erasure_request (id, requested_at, requested_by, identifier_kinds, parcels)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(id.toString(), Timestamp.from(now), cut(requestedBy), String.join(",", kinds), codes.size())
                .update();
        MultiRowInsert.run(jdbc, "INSERT INTO erasure_request_parcel (request_id, tracking_code)",
                codes.stream().map(code -> List.of(id.toString(), code)).toList());
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        outbox.enqueueAll(codes.stream().map(code -> new PersonalDataErasureRequested(
                PersonalDataErasureRequested.idFor(id.toString(), code), at, code, id.toString(),
                PersonalDataErasureRequested.Reason.REQUEST)).toList());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("requestId", id.toString());
        after.put("identifiers", masked);
        after.put("parcels", codes.size());
        // a request that found nothing is audited too, under no tracking code
        for (String code : codes.isEmpty() ? List.of(NO_PARCEL) : codes) {
            audit.record("privacy.erasure-requested", code, null, after);
        }
        meters.counter("ingest.erasures.requested", "outcome", codes.isEmpty() ? "nothing_held" : "found").increment();
        log.info("erasure request {} by {} for {}: {} parcel(s)", id, requestedBy, masked, codes.size());
        return new Filed(id, codes);
    }

    /** The tracking code of the audit record of a request that found no parcel. */
    static final String NO_PARCEL = "-";

    private static void add(List<String> hashes, List<String> kinds, Map<String, String> masked, String hash,
            String kind, String maskedValue) {
        hashes.add(hash);
        kinds.add(kind);
        masked.put(kind, maskedValue);
    }

    private static String cut(@Nullable String s) {
        return s == null ? "unknown" : s.length() <= 200 ? s : s.substring(0, 200);
    }
}
