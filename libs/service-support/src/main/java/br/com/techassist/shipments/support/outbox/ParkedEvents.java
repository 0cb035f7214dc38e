package br.com.techassist.shipments.support.outbox;

import br.com.techassist.shipments.model.EventIds;
import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.ShipmentAlert.AlertType;
import br.com.techassist.shipments.model.ShipmentAlert.Severity;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.support.kafka.EventPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outbox rows the relay can never publish. {@link #park} marks them in the relay's transaction
 * ({@code parked_at}, {@code parked_reason}), so later passes skip them and the rows after them
 * flow; {@link #report} then tells the operator: an ERROR log line with the row's id and how to
 * release it, the {@code shipments_outbox_parked} counter and an {@code OUTBOX_PARKED} alert
 * (sent straight to Kafka, not through the outbox; a lost alert is only logged).
 */
final class ParkedEvents {

    private static final Logger log = LoggerFactory.getLogger(ParkedEvents.class);

    /** A row that was parked, and why. */
    record Parked(long id, String eventId, String topic, String messageKey, String ceType, String reason) {}

    private final JdbcClient jdbc;
    private final EventPublisher publisher;
    private final Counter parked;

    ParkedEvents(JdbcClient jdbc, EventPublisher publisher, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.parked = meters.counter("shipments_outbox_parked");
    }

    /** Marks the rows parked, in the caller's transaction. */
    void park(List<Parked> rows) {
        Timestamp now = Timestamp.from(Instant.now());
        for (Parked row : rows) {
            jdbc.sql("UPDATE outbox_event SET parked_at = ?, parked_reason = ? WHERE id = ?")
                    .params(now, row.reason(), row.id())
                    .update();
        }
    }

    /** Logs, counts and alerts the rows parked by a committed pass. */
    void report(List<Parked> rows) {
        for (Parked row : rows) {
            parked.increment();
            log.error("outbox row {} ({} {} for {}) parked, it can never be published: {}. Later events flow on; "
                            + "to publish it again once the cause is fixed: UPDATE outbox_event SET parked_at = NULL, "
                            + "parked_reason = NULL WHERE id = {}",
                    row.id(), row.ceType(), row.eventId(), row.topic(), row.reason(), row.id());
            alert(row);
        }
    }

    /** Publishes the row's alert without waiting; a failure to publish it is only logged (the row is parked already). */
    private void alert(Parked row) {
        try {
            publisher.publish(alertFor(row)).whenComplete((sent, failure) -> {
                if (failure != null) {
                    notAlerted(row, failure);
                }
            });
        } catch (RuntimeException e) {
            notAlerted(row, e);
        }
    }

    private static void notAlerted(Parked row, Throwable failure) {
        log.warn("OUTBOX_PARKED alert for outbox row {} not published: {}", row.id(), failure.toString());
    }

    private static ShipmentAlert alertFor(Parked row) {
        String trackingCode = TrackingCode.isValid(row.messageKey()) ? row.messageKey() : null;
        return new ShipmentAlert(EventIds.of("ShipmentAlert", AlertType.OUTBOX_PARKED, row.eventId()),
                OffsetDateTime.now(ZoneOffset.UTC), trackingCode, AlertType.OUTBOX_PARKED, Severity.CRITICAL,
                "event " + row.eventId() + " (" + row.ceType() + ") for " + row.topic()
                        + " cannot be published and is parked in the outbox: " + row.reason(),
                Map.of("outboxId", Long.toString(row.id()), "eventId", row.eventId(), "topic", row.topic(),
                        "ceType", row.ceType(), "reason", row.reason()));
    }
}
