package br.com.techassist.shipments.ingest.registration;

import br.com.techassist.shipments.model.EventJson;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.support.jdbc.MultiRowInsert;
import br.com.techassist.shipments.support.outbox.Outbox;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The set of registered tracking codes. Registering a new code inserts its row (unique tracking
 * code), its recipient's keys in the erasure index ({@link PersonalDataIndex}) and enqueues its
 * {@link ShipmentRegistered} in the outbox in one transaction: a crash either keeps all or none, and
 * the event id is always {@link ShipmentRegistered#idFor}. A code whose personal data was erased
 * keeps its row (marked erased), so it is never registered again.
 */
@Service
public class Registrations {

    /** The {@code fingerprint} of an erased registration (no longer a hash of the recipient). */
    static final String ERASED_FINGERPRINT = "erased";

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final PersonalDataIndex index;

    Registrations(JdbcClient jdbc, Outbox outbox, PersonalDataIndex index) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.index = index;
    }

    /** Registers the code of {@code event} unless it is registered already. */
    @Transactional
    public Result register(ShipmentRegistered event) {
        return registerAll(List.of(event)).get(event.trackingCode());
    }

    /**
     * Registers the codes of {@code events} that are not registered yet, with one query for the known
     * ones, one multi-row insert and one outbox write for the new ones; a code given twice counts
     * once (its first event). When another registration of one of the codes committed in between
     * (the insert hits the unique key, and the database undoes that statement alone), the new ones are
     * registered one by one instead. Returns each code's outcome.
     */
    @Transactional
    public Map<String, Result> registerAll(List<ShipmentRegistered> events) {
        return registerAll(events, Map.of());
    }

    /**
     * {@link #registerAll(List)}, indexing each new code's recipient with its CPF/CNPJ from
     * {@code documentsByCode} (the pre-posting's {@code destinatario.cpfCnpj}; not part of the event).
     */
    @Transactional
    public Map<String, Result> registerAll(List<ShipmentRegistered> events, Map<String, String> documentsByCode) {
        Map<String, ShipmentRegistered> byCode = new LinkedHashMap<>();
        events.forEach(e -> byCode.putIfAbsent(e.trackingCode(), e));
        Map<String, String> known = fingerprintsOf(byCode.keySet());
        Map<String, Result> results = new LinkedHashMap<>();
        List<ShipmentRegistered> fresh = new ArrayList<>();
        for (ShipmentRegistered event : byCode.values()) {
            String knownPrint = known.get(event.trackingCode());
            if (knownPrint == null) {
                fresh.add(event);
            } else {
                results.put(event.trackingCode(), known(knownPrint, event));
            }
        }
        if (fresh.isEmpty()) {
            return results;
        }
        try {
            insert(fresh, documentsByCode);
            outbox.enqueueAll(fresh);
            fresh.forEach(e -> results.put(e.trackingCode(), Result.NEW));
        } catch (DuplicateKeyException registeredMeanwhile) {
            fresh.forEach(e -> results.put(e.trackingCode(), registerOne(e, documentsByCode)));
        }
        return results;
    }

    private static Result known(String knownPrint, ShipmentRegistered event) {
        if (ERASED_FINGERPRINT.equals(knownPrint)) {
            return Result.ERASED;
        }
        return knownPrint.equals(fingerprint(event)) ? Result.ALREADY_REGISTERED : Result.REGISTERED_DIFFERENTLY;
    }

    private Result registerOne(ShipmentRegistered event, Map<String, String> documentsByCode) {
        try {
            insert(List.of(event), documentsByCode);
        } catch (DuplicateKeyException registeredMeanwhile) {
            return known(fingerprintsOf(List.of(event.trackingCode())).get(event.trackingCode()), event);
        }
        outbox.enqueue(event);
        return Result.NEW;
    }

    private void insert(List<ShipmentRegistered> events, Map<String, String> documentsByCode) {
        insertRows(events);
        index.index(events, documentsByCode);
    }

    private void insertRows(List<ShipmentRegistered> events) {
        MultiRowInsert.run(jdbc, "INSERT INTO registered_shipment (tracking_code, event_id, source, pre_posting_id,"
                + " fingerprint, recipient_fingerprint, registered_at)", events.stream().map(event -> Arrays.<@Nullable Object>asList(
                        event.trackingCode(), event.eventId().toString(), event.source().name(), event.prePostingId(),
                        fingerprint(event), RecipientFingerprint.of(event.recipient()),
                        Timestamp.from(event.occurredAt().toInstant()))).toList());
    }

    /** Fingerprints of the codes among {@code trackingCodes} that are registered (one query). */
    private Map<String, String> fingerprintsOf(Collection<String> trackingCodes) {
        Map<String, String> prints = new HashMap<>();
        if (!trackingCodes.isEmpty()) {
            jdbc.sql("SELECT tracking_code, fingerprint FROM registered_shipment WHERE tracking_code IN (:codes)")
                    .param("codes", List.copyOf(trackingCodes))
                    .query((rs, n) -> prints.put(rs.getString(1), rs.getString(2)))
                    .list();
        }
        return prints;
    }

    /** The codes among {@code trackingCodes} that are registered already (one query). */
    public Set<String> registeredAmong(Collection<String> trackingCodes) {
        if (trackingCodes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT tracking_code FROM registered_shipment WHERE tracking_code IN (:codes)")
                .param("codes", List.copyOf(trackingCodes))
                .query(String.class)
                .list());
    }

    /**
     * The codes among {@code events} registered by hand with another recipient than the event's and not
     * reported yet; they are marked reported (so each conflict is reported once).
     */
    @Transactional
    public Set<String> newManualConflicts(Collection<ShipmentRegistered> events, Instant now) {
        if (events.isEmpty()) {
            return Set.of();
        }
        Map<String, String> manual = new HashMap<>();
        jdbc.sql("SELECT tracking_code, recipient_fingerprint FROM registered_shipment WHERE tracking_code IN (:codes)"
                        + " AND source = 'MANUAL' AND recipient_fingerprint IS NOT NULL AND conflict_alerted_at IS NULL"
                        + " AND erased_at IS NULL")
                .param("codes", events.stream().map(ShipmentRegistered::trackingCode).distinct().toList())
                .query((rs, n) -> manual.put(rs.getString(1), rs.getString(2)))
                .list();
        Set<String> conflicts = new HashSet<>();
        for (ShipmentRegistered event : events) {
            String print = manual.get(event.trackingCode());
            if (print != null && !print.equals(RecipientFingerprint.of(event.recipient()))) {
                conflicts.add(event.trackingCode());
            }
        }
        if (!conflicts.isEmpty()) {
            jdbc.sql("UPDATE registered_shipment SET conflict_alerted_at = :now WHERE tracking_code IN (:codes)")
                    .param("now", Timestamp.from(now)).param("codes", List.copyOf(conflicts)).update();
        }
        return conflicts;
    }

    /** Whether {@code trackingCode} is registered. */
    public boolean isRegistered(String trackingCode) {
        return fingerprintsOf(List.of(trackingCode)).containsKey(trackingCode);
    }

    /** Whether the personal data of {@code trackingCode} was erased (it is never registered again). */
    public boolean isErased(String trackingCode) {
        return ERASED_FINGERPRINT.equals(fingerprintsOf(List.of(trackingCode)).get(trackingCode));
    }

    /**
     * Erases what the registration of {@code trackingCode} says about its recipient (the recipient
     * fingerprint; the registration fingerprint, a hash of the whole event, becomes
     * {@value #ERASED_FINGERPRINT}) and marks it erased, keeping the row (code, source, pre-posting id,
     * times) so the code is never registered again. A valid code never registered gets an erased row,
     * so its data stays out when it arrives later. Idempotent: returns 1 the first time, then 0.
     */
    @Transactional
    public int erase(String trackingCode, Instant now) {
        Timestamp at = Timestamp.from(now);
        int erased = jdbc.sql("""
                UPDATE registered_shipment SET recipient_fingerprint = NULL, fingerprint = ?, erased_at = ?
                WHERE tracking_code = ? AND erased_at IS NULL""")
                .params(ERASED_FINGERPRINT, at, trackingCode)
                .update();
        if (erased > 0 || isRegistered(trackingCode)) {
            return erased;
        }
        try {
            return jdbc.sql("""
                    INSERT INTO registered_shipment (tracking_code, event_id, source, fingerprint, registered_at, erased_at)
                    VALUES (?, ?, 'ERASED', ?, ?, ?)""")
                    .params(trackingCode, ShipmentRegistered.idFor(trackingCode).toString(), ERASED_FINGERPRINT, at, at)
                    .update();
        } catch (DuplicateKeyException registeredMeanwhile) {
            return erase(trackingCode, now);
        }
    }

    /** When the oldest registration still holding its recipient's fingerprint was registered. */
    public Optional<Instant> oldestWithRecipient() {
        return instant(jdbc.sql("SELECT MIN(registered_at) FROM registered_shipment"
                + " WHERE recipient_fingerprint IS NOT NULL AND erased_at IS NULL"));
    }

    /** The one timestamp (or SQL NULL) a query selects. */
    static Optional<Instant> instant(JdbcClient.StatementSpec query) {
        return query.query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single();
    }


    /** What was registered, regardless of when: the event without its time. */
    static String fingerprint(ShipmentRegistered event) {
        ShipmentRegistered timeless = new ShipmentRegistered(event.eventId(), null, event.trackingCode(),
                event.source(), event.prePostingId(), event.serviceCode(), event.serviceName(), event.recipient(),
                event.contents(), event.invoiceNumber(), event.notes());
        return Sha256.hex(EventJson.write(timeless));
    }

    /** The outcome of {@link #register}. */
    public enum Result {
        /** Registered now; its event is in the outbox. */
        NEW,
        /** Registered before with the same data: nothing to do. */
        ALREADY_REGISTERED,
        /** Registered before with other data (another source, or changed details): left as it was. */
        REGISTERED_DIFFERENTLY,
        /** Registered before and its recipient's personal data erased since (LGPD): never registered again. */
        ERASED
    }
}
