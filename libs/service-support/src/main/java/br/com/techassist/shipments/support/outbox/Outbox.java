package br.com.techassist.shipments.support.outbox;

import br.com.techassist.shipments.model.EventJson;
import br.com.techassist.shipments.model.EventType;
import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.support.jdbc.MultiRowInsert;
import br.com.techassist.shipments.support.kafka.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Transactional outbox: {@link #enqueue} writes the event in the caller's database transaction; the
 * {@link OutboxRelay} publishes it after commit and deletes the row once Kafka acknowledged it. A
 * crash before commit loses nothing that was promised; a crash after the send but before the delete
 * publishes the same event (same {@code eventId}) again, which consumers de-duplicate.
 *
 * <p>An event id is stored once: enqueueing the same event twice (a replay) is a no-op.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final OutboxRelay relay;

    public Outbox(JdbcClient jdbc, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.relay = relay;
    }

    /** Stores {@code event} for publication; returns false when the same event id is already pending. */
    public boolean enqueue(ShipmentEvent event) {
        return enqueueAll(List.of(event)) == 1;
    }

    /**
     * Stores many events in the caller's transaction with two statements for the whole list (one
     * to find the ids already pending, one multi-row insert); an event id already pending, or twice
     * in the list, is stored once. Returns how many rows were stored.
     */
    public int enqueueAll(List<? extends ShipmentEvent> events) {
        Map<String, ShipmentEvent> byId = new LinkedHashMap<>();
        events.forEach(e -> byId.putIfAbsent(e.eventId().toString(), e));
        if (byId.isEmpty()) {
            return 0;
        }
        Set<String> pending = new HashSet<>(jdbc.sql("SELECT event_id FROM outbox_event WHERE event_id IN (:ids)")
                .param("ids", List.copyOf(byId.keySet()))
                .query(String.class)
                .list());
        List<List<Object>> rows = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        byId.forEach((id, event) -> {
            if (!pending.contains(id)) {
                EventType type = EventType.of(event);
                rows.add(List.of(id, type.topic(), EventPublisher.keyOf(event), type.ceType(),
                        new String(EventJson.write(event), StandardCharsets.UTF_8), now));
            }
        });
        if (rows.isEmpty()) {
            return 0;
        }
        int stored = MultiRowInsert.run(jdbc,
                "INSERT INTO outbox_event (event_id, topic, message_key, ce_type, payload, created_at)", rows);
        relay.wakeUpAfterCommit();
        return stored;
    }
}
