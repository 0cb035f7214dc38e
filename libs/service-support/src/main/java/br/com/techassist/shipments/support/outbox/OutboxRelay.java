package br.com.techassist.shipments.support.outbox;

import br.com.techassist.shipments.model.EventJson;
import br.com.techassist.shipments.model.EventType;
import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.support.kafka.EventPublisher;
import br.com.techassist.shipments.support.worker.Worker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows in id order. Each pass locks a batch ({@code SELECT … FOR UPDATE}, so two
 * replicas never interleave one batch), sends it, waits for the broker's acknowledgements and
 * deletes the rows in the same transaction. A failed send rolls back and is retried on the next
 * pass; nothing is deleted that Kafka did not take.
 */
public class OutboxRelay implements SmartLifecycle {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final EventPublisher publisher;
    private final OutboxProperties props;
    private final Counter published;
    private final Worker worker;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate tx, EventPublisher publisher, OutboxProperties props,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.publisher = publisher;
        this.props = props;
        this.published = meters.counter("shipments_outbox_published");
        Counter failures = meters.counter("shipments_outbox_failures");
        this.worker = Worker.of("outbox-relay", props.pollInterval(), props.maxBackoff(),
                        () -> publishBatch() == props.batchSize())
                .onFailure(failures::increment);
    }

    /** Asks for a pass now instead of at the next interval. */
    public void wakeUp() {
        worker.wakeUp();
    }

    /** Asks for a pass once the caller's transaction has committed. */
    public void wakeUpAfterCommit() {
        worker.wakeUpAfterCommit();
    }

    /** Publishes everything pending; returns how many events were published. Used by the worker and by tests. */
    public int drain() {
        int total = 0;
        int sent;
        do {
            sent = publishBatch();
            total += sent;
        } while (sent == props.batchSize());
        return total;
    }

    int publishBatch() {
        Integer sent = tx.execute(status -> {
            List<Row> rows = jdbc.sql("SELECT id, ce_type, payload FROM outbox_event ORDER BY id LIMIT ? FOR UPDATE")
                    .param(props.batchSize())
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3)))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
            for (Row row : rows) {
                acks.add(publisher.publish(row.event()));
            }
            try {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                        .get(props.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("outbox batch not acknowledged by Kafka: " + e.getMessage(), e);
            }
            long last = rows.getLast().id();
            jdbc.sql("DELETE FROM outbox_event WHERE id <= ? AND id >= ?")
                    .params(last, rows.getFirst().id())
                    .update();
            return rows.size();
        });
        int count = sent == null ? 0 : sent;
        published.increment(count);
        return count;
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop(props.sendTimeout());
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }

    @Override
    public int getPhase() {
        // stops before the Kafka producer and the data source go away
        return Integer.MAX_VALUE - 100;
    }

    private record Row(long id, String ceType, String payload) {
        ShipmentEvent event() {
            EventType type = EventType.fromCeType(ceType)
                    .orElseThrow(() -> new IllegalStateException("outbox row " + id + " has unknown type " + ceType));
            return EventJson.read(payload.getBytes(StandardCharsets.UTF_8), type.javaType());
        }
    }
}
