package br.com.techassist.shipments.notifier.notification;

import br.com.techassist.shipments.model.EventJson;
import br.com.techassist.shipments.model.EventType;
import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.support.kafka.EventPublisher;
import br.com.techassist.shipments.support.outbox.Outbox;
import br.com.techassist.shipments.support.outbox.OutboxRelay;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link Outbox#enqueue} for many events at once, in the caller's transaction: the same
 * {@code outbox_event} rows (same columns, key and JSON, an event id already pending is skipped), but
 * in two statements for the whole list instead of two per event. The grouped send outcomes use it.
 */
@Component
public class OutboxBatch {

    private final JdbcClient jdbc;
    private final OutboxRelay relay;

    OutboxBatch(JdbcClient jdbc, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.relay = relay;
    }

    /** Stores the events not already pending; returns how many were stored. */
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
        StringJoiner rows = new StringJoiner(", ");
        List<Object> params = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        byId.forEach((id, event) -> {
            if (!pending.contains(id)) {
                EventType type = EventType.of(event);
                rows.add("(?, ?, ?, ?, ?, ?)");
                params.addAll(List.of(id, type.topic(), EventPublisher.keyOf(event), type.ceType(),
                        new String(EventJson.write(event), StandardCharsets.UTF_8), now));
            }
        });
        if (params.isEmpty()) {
            return 0;
        }
        int stored = jdbc.sql("INSERT INTO outbox_event (event_id, topic, message_key, ce_type, payload, created_at) VALUES "
                        + rows)
                .params(params)
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wakeUp();
                }
            });
        } else {
            relay.wakeUp();
        }
        return stored;
    }
}
