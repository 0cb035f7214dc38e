package br.com.techassist.shipments.tracking.poller;

import br.com.techassist.shipments.model.EventType;
import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.ShipmentEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code tracking_emission} table: the id of every event tracking-poller ever published. An
 * event is published only by the transaction that inserted its id, so a change or an alert is
 * published once, whatever restarts, overlapping instances or repeated answers happen.
 */
@Repository
class Emissions {

    private final JdbcClient jdbc;

    Emissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids already published for these objects. */
    Set<UUID> publishedFor(Collection<String> codes) {
        Set<UUID> ids = new HashSet<>();
        jdbc.sql("SELECT event_id FROM tracking_emission WHERE tracking_code IN (:codes)")
                .param("codes", codes)
                .query((rs, n) -> ids.add(UUID.fromString(rs.getString(1))))
                .list();
        return ids;
    }

    /** Claims the publication of {@code event}; false when it was already claimed. */
    boolean claim(ShipmentEvent event, Instant now) {
        String kind = event instanceof ShipmentAlert alert ? "ALERT_" + alert.type().name() : EventType.of(event).name();
        try {
            jdbc.sql("INSERT INTO tracking_emission (event_id, tracking_code, kind, created_at) VALUES (?, ?, ?, ?)")
                    .params(event.eventId().toString(), event.trackingCode(), kind, Timestamp.from(now))
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyPublished) {
            return false;
        }
    }
}
