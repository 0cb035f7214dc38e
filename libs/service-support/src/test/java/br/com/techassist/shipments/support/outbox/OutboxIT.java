package br.com.techassist.shipments.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.testsupport.IntegrationTest;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import io.micrometer.core.instrument.MeterRegistry;
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
 * commit, and after it the relay publishes each exactly once and empties the table. A row Kafka
 * refuses (larger than the producer's {@code max.request.size}) is parked and alerted, and the rows
 * around it and after it are published and deleted by id.
 */
@IntegrationTest(properties = {"spring.liquibase.change-log=classpath:db/changelog/support-test.changelog-master.yaml",
        "spring.kafka.producer.properties.max.request.size=" + OutboxIT.MAX_REQUEST_SIZE})
class OutboxIT {

    /** Far above any ordinary event, far below {@link #tooLarge}'s. */
    static final int MAX_REQUEST_SIZE = 16_384;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    MeterRegistry meters;

    @Test
    void eachEventIdIsStoredOnceAndPublishedOnceAfterTheCommit() {
        String code = newTrackingCode();
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
    void aRowKafkaRefusesIsParkedAndAlertedWhileTheRowsAroundItArePublishedAndDeletedById() {
        String code = newTrackingCode();
        ShipmentAlert before = alert(code, "before");
        ShipmentAlert tooLarge = alert(code, "x".repeat(4 * MAX_REQUEST_SIZE));
        ShipmentAlert after = alert(code, "after");
        double parkedBefore = meters.counter("shipments_outbox_parked").count();
        try (var alerts = TopicRecorder.start(Topics.ALERTS)) {
            tx.executeWithoutResult(status -> outbox.enqueueAll(List.of(before, tooLarge, after)));

            List<UUID> published = alerts.await(ShipmentAlert.class, e -> code.equals(e.trackingCode())
                    && e.type() == ShipmentAlert.AlertType.STALLED, 2, Duration.ofSeconds(30))
                    .stream().map(ShipmentAlert::eventId).toList();
            assertThat(published).containsExactlyInAnyOrder(before.eventId(), after.eventId());
            ShipmentAlert parkedAlert = alerts.await(ShipmentAlert.class,
                    e -> e.type() == ShipmentAlert.AlertType.OUTBOX_PARKED
                            && tooLarge.eventId().toString().equals(e.details().get("eventId")), 1, Duration.ofSeconds(30))
                    .getFirst();
            assertThat(parkedAlert.trackingCode()).isEqualTo(code);
            assertThat(parkedAlert.severity()).isEqualTo(ShipmentAlert.Severity.CRITICAL);
            assertThat(parkedAlert.details().get("reason")).startsWith("too large for Kafka");

            // the parked row sits between the two published ones: a range delete would have taken it
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> rows(code) == 1);
            var parked = jdbc.sql("SELECT event_id, parked_at, parked_reason FROM outbox_event WHERE message_key = ?")
                    .param(code)
                    .query((rs, n) -> List.of(rs.getString(1), String.valueOf(rs.getTimestamp(2)), rs.getString(3)))
                    .single();
            assertThat(parked.get(0)).isEqualTo(tooLarge.eventId().toString());
            assertThat(parked.get(1)).isNotEqualTo("null");
            assertThat(parked.get(2)).startsWith("too large for Kafka").contains("max.request.size");
            assertThat(meters.counter("shipments_outbox_parked").count()).isEqualTo(parkedBefore + 1);

            // later events still flow past it
            ShipmentAlert later = alert(code, "later");
            tx.executeWithoutResult(status -> outbox.enqueue(later));
            assertThat(alerts.await(ShipmentAlert.class, e -> later.eventId().equals(e.eventId()), 1,
                    Duration.ofSeconds(30))).hasSize(1);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> rows(code) == 1);
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

    /** A well-formed code (check digit included) no other test uses. */
    private static String newTrackingCode() {
        String serial = String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        return "DG" + serial + TrackingCode.checkDigit(serial) + "BR";
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
