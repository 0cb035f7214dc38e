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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows in id order. Each pass locks a batch ({@code SELECT … FOR UPDATE}, so two
 * replicas never interleave one batch), sends it, waits for the broker's acknowledgements and, in
 * the same transaction, deletes exactly the rows Kafka acknowledged (by id). A row that can never
 * be published (too large for the broker, not serialisable, unreadable) is parked instead of
 * blocking the rows after it ({@link ParkedEvents}: ERROR log, {@code shipments_outbox_parked},
 * {@code OUTBOX_PARKED} alert). Any other failure (the broker away, a timeout) leaves its rows
 * pending and fails the pass, so the worker backs off and retries them without limit; nothing is
 * deleted that Kafka did not take.
 */
public class OutboxRelay implements SmartLifecycle {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final EventPublisher publisher;
    private final OutboxProperties props;
    private final Counter published;
    private final ParkedEvents parking;
    private final Worker worker;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate tx, EventPublisher publisher, OutboxProperties props,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.publisher = publisher;
        this.props = props;
        this.published = meters.counter("shipments_outbox_published");
        this.parking = new ParkedEvents(jdbc, publisher, meters);
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

    /** Publishes everything pending; returns how many rows were published or parked. */
    public int drain() {
        int total = 0;
        int sent;
        do {
            sent = publishBatch();
            total += sent;
        } while (sent == props.batchSize());
        return total;
    }

    /** One pass over at most a batch of rows; returns how many were published or parked. */
    int publishBatch() {
        Pass pass = tx.execute(status -> {
            List<Row> rows = jdbc.sql("SELECT id, event_id, topic, message_key, ce_type, payload FROM outbox_event"
                            + " WHERE parked_at IS NULL ORDER BY id LIMIT ? FOR UPDATE")
                    .param(props.batchSize())
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)))
                    .list();
            List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
            for (Row row : rows) {
                acks.add(send(row));
            }
            awaitAll(acks);
            Pass outcome = Pass.of(rows, acks);
            if (!outcome.publishedIds().isEmpty()) {
                jdbc.sql("DELETE FROM outbox_event WHERE id IN (:ids)").param("ids", outcome.publishedIds()).update();
            }
            parking.park(outcome.parked());
            return outcome;
        });
        if (pass == null) {
            return 0;
        }
        published.increment(pass.publishedIds().size());
        parking.report(pass.parked());
        if (pass.retryLater() != null) {
            throw new IllegalStateException("outbox batch not acknowledged by Kafka: " + pass.retryLater(),
                    pass.retryLater());
        }
        return pass.publishedIds().size() + pass.parked().size();
    }

    private CompletableFuture<?> send(Row row) {
        try {
            return publisher.publish(row.event());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Waits until every send is acknowledged or failed, or the send timeout has passed. */
    private void awaitAll(List<CompletableFuture<?>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(props.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka's acknowledgements", e);
        } catch (ExecutionException | TimeoutException e) {
            // some failed or did not finish in time: Pass.of looks at each
        }
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

    /** What a pass did with its rows: published (deleted by id), parked, or the first failure worth retrying. */
    private record Pass(List<Long> publishedIds, List<ParkedEvents.Parked> parked, @Nullable Throwable retryLater) {

        static Pass of(List<Row> rows, List<CompletableFuture<?>> acks) {
            List<Long> publishedIds = new ArrayList<>();
            List<ParkedEvents.Parked> parked = new ArrayList<>();
            Throwable retryLater = null;
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                CompletableFuture<?> ack = acks.get(i);
                if (!ack.isDone()) {
                    retryLater = retryLater != null ? retryLater : new TimeoutException("no acknowledgement in time");
                } else if (!ack.isCompletedExceptionally()) {
                    publishedIds.add(row.id());
                } else {
                    Throwable failure = ack.exceptionNow();
                    var reason = Unpublishable.reason(failure);
                    if (reason.isPresent()) {
                        parked.add(new ParkedEvents.Parked(row.id(), row.eventId(), row.topic(), row.messageKey(),
                                row.ceType(), reason.get()));
                    } else if (retryLater == null) {
                        retryLater = failure;
                    }
                }
            }
            return new Pass(publishedIds, parked, retryLater);
        }
    }

    private record Row(long id, String eventId, String topic, String messageKey, String ceType, String payload) {
        ShipmentEvent event() {
            EventType type = EventType.fromCeType(ceType)
                    .orElseThrow(() -> new Unpublishable.UnreadableRowException("unknown event type " + ceType, null));
            try {
                return EventJson.read(payload.getBytes(StandardCharsets.UTF_8), type.javaType());
            } catch (RuntimeException e) {
                throw new Unpublishable.UnreadableRowException(
                        "payload is not a readable " + type.javaType().getSimpleName() + " (" + e.getClass().getSimpleName() + ")", e);
            }
        }
    }
}
