package br.com.techassist.shipments.ingest.registration;

import br.com.techassist.shipments.model.EventJson;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.support.outbox.Outbox;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The set of registered tracking codes. Registering a new code inserts its row (unique tracking
 * code) and enqueues its {@link ShipmentRegistered} in the outbox in one transaction: a crash
 * either keeps both or neither, and the event id is always {@link ShipmentRegistered#idFor}.
 */
@Service
public class Registrations {

    private final JdbcClient jdbc;
    private final Outbox outbox;

    Registrations(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** Registers the code of {@code event} unless it is registered already. */
    @Transactional
    public Result register(ShipmentRegistered event) {
        String fingerprint = fingerprint(event);
        Optional<String> known = fingerprintOf(event.trackingCode());
        if (known.isPresent()) {
            return known.get().equals(fingerprint) ? Result.ALREADY_REGISTERED : Result.REGISTERED_DIFFERENTLY;
        }
        try {
            jdbc.sql("""
                    INSERT INTO registered_shipment
                        (tracking_code, event_id, source, pre_posting_id, fingerprint, registered_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(event.trackingCode(), event.eventId().toString(), event.source().name(),
                            event.prePostingId(), fingerprint, Timestamp.from(event.occurredAt().toInstant()))
                    .update();
        } catch (DuplicateKeyException registeredMeanwhile) {
            return fingerprintOf(event.trackingCode()).filter(fingerprint::equals).isPresent()
                    ? Result.ALREADY_REGISTERED
                    : Result.REGISTERED_DIFFERENTLY;
        }
        outbox.enqueue(event);
        return Result.NEW;
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

    /** Whether {@code trackingCode} is registered. */
    public boolean isRegistered(String trackingCode) {
        return fingerprintOf(trackingCode).isPresent();
    }

    private Optional<String> fingerprintOf(String trackingCode) {
        return jdbc.sql("SELECT fingerprint FROM registered_shipment WHERE tracking_code = ?")
                .param(trackingCode)
                .query(String.class)
                .optional();
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
        REGISTERED_DIFFERENTLY
    }
}
