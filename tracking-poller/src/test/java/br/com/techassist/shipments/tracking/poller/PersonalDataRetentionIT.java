package br.com.techassist.shipments.tracking.poller;

import static br.com.techassist.shipments.tracking.poller.PollerTestSupport.SRO;
import static br.com.techassist.shipments.tracking.poller.PollerTestSupport.code;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.PersonalDataErasureRequested;
import br.com.techassist.shipments.model.PersonalDataErasureRequested.Reason;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.support.kafka.EventPublisher;
import br.com.techassist.shipments.support.privacy.PersonalDataHolder;
import br.com.techassist.shipments.support.privacy.RetentionTask;
import br.com.techassist.shipments.testsupport.IntegrationTest;
import br.com.techassist.shipments.testsupport.MovableClock;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The personal-data lifecycle as tracking-poller drives it: parcels finish through real polls
 * (fake SRO Rastro, the test's clock), then the {@code finished_parcels} retention task is called
 * directly at chosen instants, as service-support's retention job would call it. Requests are read
 * back from {@code shipments.privacy.v1}.
 */
@IntegrationTest(properties = {
    "tracking.poll.enabled=false",
    "tracking.poll.concurrency=1",
    "correios.username=techassist",
    "correios.access-code=test-access-code",
    "correios.postcard=0067599079",
    "shipments.privacy.retention=P90D"
})
@Import(PollerTestSupport.ClockConfiguration.class)
class PersonalDataRetentionIT {

    private static final MovableClock CLOCK = TestClock.SHARED;
    private static final Duration RETENTION = Duration.ofDays(90);
    private static final Duration STALLED_AFTER = Duration.ofDays(7);
    /** São Paulo local time, as Rastro gives it. */
    private static final ZoneOffset SAO_PAULO = ZoneOffset.ofHours(-3);

    @DynamicPropertySource
    static void correios(DynamicPropertyRegistry registry) {
        PollerTestSupport.correiosProperties(registry);
    }

    @Autowired PollingCycle cycle;
    @Autowired EventPublisher publisher;
    @Autowired JdbcClient jdbc;
    @Autowired PartitionOwnership ownership;
    @Autowired TrackedObjects objects;
    @Autowired MeterRegistry meters;
    @Autowired List<RetentionTask> retentionTasks;
    @Autowired PersonalDataHolder holder;

    TopicRecorder privacy;

    @BeforeEach
    void thisInstanceOwnsEveryPartition() {
        PollerTestSupport.awaitAllPartitions(ownership);
        privacy = TopicRecorder.start(Topics.PRIVACY);
    }

    @AfterEach
    void stopRecording() {
        privacy.close();
    }

    @Test
    void finishedParcelsGetOneErasureRequestEachOncePiiRetentionHasPassedAndTheOverdueGaugeSaysHowLate() {
        Instant start = CLOCK.instant();
        LocalDateTime today = local(start).minusHours(4);
        String delivered = code("RD", 1);
        String moving = code("RM", 2);
        String stalled = code("RS", 3);
        String deliveredLater = code("RL", 4);
        track(delivered, moving, stalled, deliveredLater);
        SRO.event(delivered, "PO", "01", "Objeto postado", today, "LONDRINA", "PR");
        SRO.event(delivered, "BDE", "01", "Objeto entregue ao destinatário", today.plusHours(2), "LONDRINA", "PR");
        SRO.event(moving, "PO", "01", "Objeto postado", today, "LONDRINA", "PR");
        LocalDateTime stalledEvent = today.minusDays(8);
        SRO.event(stalled, "PO", "01", "Objeto postado", stalledEvent, "LONDRINA", "PR");
        SRO.event(deliveredLater, "PO", "01", "Objeto postado", today, "LONDRINA", "PR");

        cycle.runOnce();

        Instant stalledSince = stalledEvent.toInstant(SAO_PAULO).plus(STALLED_AFTER);
        assertThat(finishedAt(delivered)).as("stopped at its terminal milestone").isEqualTo(start);
        assertThat(finishedAt(moving)).as("alive").isNull();
        assertThat(finishedAt(stalled)).as("stalled: its newest event + stalled-after").isEqualTo(stalledSince);
        assertThat(finishedAt(deliveredLater)).isNull();

        SRO.event(deliveredLater, "BDE", "01", "Objeto entregue ao destinatário", today.plusDays(1), "LONDRINA", "PR");
        CLOCK.advance(Duration.ofDays(1));
        cycle.runOnce();
        Instant deliveredLaterAt = start.plus(Duration.ofDays(1));
        assertThat(finishedAt(deliveredLater)).isEqualTo(deliveredLaterAt);
        assertThat(finishedAt(stalled)).as("still stalled, since the same moment").isEqualTo(stalledSince);

        assertThat(purge(stalledSince.plus(RETENTION).minusSeconds(1), 500)).isZero();
        assertThat(overdueSeconds()).isZero();

        Instant twoHoursAfterDelivered = start.plus(RETENTION).plus(Duration.ofHours(2));
        assertThat(purge(twoHoursAfterDelivered, 1)).as("oldest first, at most the limit").isEqualTo(1);
        assertThat(requestedAt(stalled)).isEqualTo(twoHoursAfterDelivered);
        assertThat(requestedAt(delivered)).isNull();
        assertThat(overdueSeconds()).as("the delivered parcel is due for two hours")
                .isEqualTo(Duration.ofHours(2).toSeconds());

        assertThat(purge(twoHoursAfterDelivered, 500)).isEqualTo(1);
        assertThat(requestedAt(delivered)).isEqualTo(twoHoursAfterDelivered);
        assertThat(overdueSeconds()).isZero();
        assertThat(purge(twoHoursAfterDelivered, 500)).as("asked once").isZero();
        assertThat(purge(deliveredLaterAt.plus(RETENTION).minusSeconds(1), 500)).as("finished too recently").isZero();
        assertThat(purge(deliveredLaterAt.plus(RETENTION), 500)).isEqualTo(1);
        assertThat(purge(deliveredLaterAt.plus(RETENTION).plus(Duration.ofDays(30)), 500)).isZero();

        List<PersonalDataErasureRequested> requests = privacy.await(PersonalDataErasureRequested.class, 3);
        PollerTestSupport.awaitOutboxDrained(jdbc);
        assertThat(privacy.events(PersonalDataErasureRequested.class)).hasSize(3);
        assertThat(requests).extracting(PersonalDataErasureRequested::trackingCode)
                .containsExactlyInAnyOrder(stalled, delivered, deliveredLater);
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.reason()).isEqualTo(Reason.RETENTION);
            assertThat(r.requestId()).isEqualTo("retention-" + r.trackingCode());
            assertThat(r.eventId()).isEqualTo(PersonalDataErasureRequested.idFor(r.requestId(), r.trackingCode()));
        });
        assertThat(requests).filteredOn(r -> r.trackingCode().equals(stalled)).singleElement()
                .satisfies(r -> assertThat(r.occurredAt().toInstant()).isEqualTo(twoHoursAfterDelivered));
        assertThat(requestedAt(moving)).isNull();
    }

    @Test
    void aStalledParcelThatMovesAgainIsNoLongerFinished() {
        LocalDateTime today = local(CLOCK.instant()).minusHours(4);
        String code = code("RA", 5);
        track(code);
        SRO.event(code, "PO", "01", "Objeto postado", today.minusDays(10), "LONDRINA", "PR");
        cycle.runOnce();
        assertThat(finishedAt(code)).isNotNull();

        SRO.event(code, "RO", "01", "Objeto em transferência - por favor aguarde", today, "CURITIBA", "PR");
        CLOCK.advance(Duration.ofHours(6).plusMinutes(10)); // a stalled object is polled every 6 hours
        cycle.runOnce();

        assertThat(objects.find(code).orElseThrow().lastEventAt()).isEqualTo(today.toInstant(SAO_PAULO));
        assertThat(finishedAt(code)).isNull();
        purge(CLOCK.instant().plus(RETENTION).plus(Duration.ofDays(30)), 500);
        assertThat(requestedAt(code)).isNull();
    }

    @Test
    void trackingPollerHoldsNoPersonalData() {
        String code = code("RN", 6);
        track(code);

        assertThat(holder.erase(code, Reason.REQUEST)).isZero();
        assertThat(holder.oldestHeld()).isEmpty();
        assertThat(objects.find(code)).as("the lifecycle is kept").isPresent();
    }

    private void track(String... codes) {
        PollerTestSupport.register(publisher, List.of(codes));
        PollerTestSupport.awaitTracked(jdbc, List.of(codes));
    }

    private int purge(Instant now, int limit) {
        return retentionTasks.stream().filter(t -> t.name().equals("finished_parcels")).findFirst().orElseThrow()
                .purge(now, limit);
    }

    private double overdueSeconds() {
        return meters.get("shipments.personal.data.overdue").gauge().value();
    }

    private Instant finishedAt(String code) {
        return objects.find(code).orElseThrow().finishedAt();
    }

    private Instant requestedAt(String code) {
        return jdbc.sql("SELECT retention_requested_at FROM tracked_object WHERE tracking_code = ?").param(code)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single()
                .orElse(null);
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, SAO_PAULO);
    }
}
