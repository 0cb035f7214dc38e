package br.com.techassist.shipments.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.support.outbox.Outbox;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proves the test infrastructure is real: Liquibase created the outbox table in the MySQL test
 * database, a row written in a transaction is read back, and the relay carries it through the
 * in-JVM Kafka broker with CloudEvents headers.
 */
@IngestIntegrationTest
class InfrastructureIT {

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void anEventWrittenToTheOutboxIsStoredInMySqlAndArrivesThroughTheBroker() {
        String product = jdbc.sql("SELECT VERSION()").query(String.class).single();
        var alert = new ShipmentAlert(UUID.randomUUID(), OffsetDateTime.parse("2026-11-27T10:15:30-03:00"),
                "DG049186226BR", ShipmentAlert.AlertType.STALLED, ShipmentAlert.Severity.WARNING,
                "infrastructure check on " + product, Map.of("probe", "true"));

        try (var recorder = TopicRecorder.start(Topics.ALERTS)) {
            boolean stored = tx.execute(s -> {
                boolean first = outbox.enqueue(alert);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE event_id = ?")
                                .param(alert.eventId().toString()).query(Integer.class).single())
                        .isEqualTo(1);
                return first && !outbox.enqueue(alert);
            });
            assertThat(stored).as("the first enqueue stores, a replay of the same event does not").isTrue();

            var received = recorder.await(ShipmentAlert.class, a -> a.eventId().equals(alert.eventId()), 1,
                    java.time.Duration.ofSeconds(30));
            assertThat(received.getFirst()).isEqualTo(alert);
            var record = recorder.records().stream()
                    .filter(r -> "DG049186226BR".equals(r.key())).findFirst().orElseThrow();
            assertThat(new String(record.headers().lastHeader("ce_type").value()))
                    .isEqualTo("br.com.techassist.shipments.ShipmentAlert.v1");
            assertThat(new String(record.headers().lastHeader("ce_source").value())).isEqualTo("/prepost-ingest");
        }
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(
                jdbc.sql("SELECT COUNT(*) FROM outbox_event").query(Integer.class).single()).isZero());
    }
}
