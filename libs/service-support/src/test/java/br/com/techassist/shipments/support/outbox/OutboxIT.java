package br.com.techassist.shipments.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.testsupport.IntegrationTest;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox on MySQL and a real broker: events enqueued in a transaction are stored once per
 * event id (within a list, across calls, single or many at once), nothing is published before the
 * commit, and after it the relay publishes each exactly once and empties the table.
 */
@IntegrationTest(properties = "spring.liquibase.change-log=classpath:db/changelog/support-test.changelog-master.yaml")
class OutboxIT {

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void eachEventIdIsStoredOnceAndPublishedOnceAfterTheCommit() {
        String code = "DG" + String.format("%09d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L))
                + "BR";
        ShipmentAlert a = alert(code, "a");
        ShipmentAlert b = alert(code, "b");
        ShipmentAlert c = alert(code, "c");
        try (var alerts = TopicRecorder.start(Topics.ALERTS)) {
            tx.executeWithoutResult(status -> {
                assertThat(outbox.enqueueAll(List.of(a, b, a))).as("a twice in one list").isEqualTo(2);
                assertThat(outbox.enqueueAll(List.of(a, c))).as("a already pending").isEqualTo(1);
                assertThat(outbox.enqueue(b)).as("b already pending").isFalse();
                assertThat(outbox.enqueueAll(List.of())).isZero();
                assertThat(rows(code)).isEqualTo(3);
                assertThat(jdbc.sql("SELECT topic FROM outbox_event WHERE event_id = ?").param(c.eventId().toString())
                        .query(String.class).single()).isEqualTo(Topics.ALERTS);
            });

            List<UUID> published = alerts.await(ShipmentAlert.class, e -> code.equals(e.trackingCode()), 3,
                    Duration.ofSeconds(30)).stream().map(ShipmentAlert::eventId).toList();
            assertThat(published).containsExactlyInAnyOrder(a.eventId(), b.eventId(), c.eventId());
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> rows(code) == 0);
        }
    }

    @Test
    void nothingIsStoredWhenTheTransactionRollsBack() {
        ShipmentAlert a = alert("DG049186226BR", "rolled back");
        tx.executeWithoutResult(status -> {
            outbox.enqueueAll(List.of(a));
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE event_id = ?").param(a.eventId().toString())
                .query(Long.class).single()).isZero();
    }

    private long rows(String trackingCode) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE message_key = ?").param(trackingCode)
                .query(Long.class).single();
    }

    private static ShipmentAlert alert(String trackingCode, String message) {
        return new ShipmentAlert(UUID.randomUUID(), OffsetDateTime.now(), trackingCode, ShipmentAlert.AlertType.STALLED,
                ShipmentAlert.Severity.INFO, message, Map.of());
    }

    @br.com.techassist.shipments.support.ShipmentsService("support-test")
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApplication {}
}
