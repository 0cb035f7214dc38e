package br.com.techassist.shipments.support.outbox;

import br.com.techassist.shipments.model.EventJson;
import br.com.techassist.shipments.model.EventType;
import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.support.kafka.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
        boolean pending = jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE event_id = ?")
                        .param(event.eventId().toString())
                        .query(Integer.class)
                        .single()
                > 0;
        if (pending) {
            return false;
        }
        EventType type = EventType.of(event);
        jdbc.sql("""
                INSERT INTO outbox_event (event_id, topic, message_key, ce_type, payload, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(event.eventId().toString(), type.topic(), EventPublisher.keyOf(event), type.ceType(),
                        new String(EventJson.write(event), StandardCharsets.UTF_8), Timestamp.from(Instant.now()))
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
        return true;
    }
}
