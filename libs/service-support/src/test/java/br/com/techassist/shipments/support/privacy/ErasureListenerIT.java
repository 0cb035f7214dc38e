package br.com.techassist.shipments.support.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.PersonalDataErased;
import br.com.techassist.shipments.model.PersonalDataErasureRequested;
import br.com.techassist.shipments.model.PersonalDataErasureRequested.Reason;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.support.kafka.EventPublisher;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The erasure listener against the shared broker and MySQL: a request is erased by the service's
 * holder and confirmed on {@code shipments.privacy.v1} with the deterministic id; the same request
 * again changes nothing and publishes no other confirmation; confirmations on the topic are not
 * taken for requests; a request that can never be processed is dead-lettered.
 */
@PrivacyIntegrationTest
class ErasureListenerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    PrivacyTestApplication.TestHolder holder;

    @Autowired
    EventPublisher publisher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void aRequestIsErasedOnceAndConfirmedWithTheDeterministicIdHoweverOftenItIsDelivered() throws Exception {
        String code = newTrackingCode();
        holder.hold(code);
        var request = request(code, "erasure-" + UUID.randomUUID(), Reason.REQUEST);
        double erasuresBefore = erasures(Reason.REQUEST);
        try (var privacy = TopicRecorder.start(Topics.PRIVACY)) {
            publisher.publish(request).get();

            PersonalDataErased confirmation = privacy.await(PersonalDataErased.class, e -> code.equals(e.trackingCode()),
                    1, WAIT).getFirst();
            assertThat(confirmation.eventId())
                    .isEqualTo(PersonalDataErased.idFor(PrivacyTestApplication.SERVICE, request.requestId(), code));
            assertThat(confirmation.requestId()).isEqualTo(request.requestId());
            assertThat(confirmation.service()).isEqualTo(PrivacyTestApplication.SERVICE);
            assertThat(confirmation.rows()).isEqualTo(PrivacyTestApplication.TestHolder.ROWS);
            assertThat(holder.calls(code)).isEqualTo(1);
            Awaitility.await().atMost(WAIT).until(() -> pendingConfirmations(code) == 0);

            publisher.publish(request).get(); // delivered again (a producer retry, a replay)
            Awaitility.await().atMost(WAIT).until(() -> holder.calls(code) == 2);
            Awaitility.await().atMost(WAIT).until(() -> pendingConfirmations(code) == 0);

            // a later request of the same parcel comes after both confirmations on its partition:
            // once it is handled, the confirmations before it were read and skipped
            var later = request(code, "erasure-" + UUID.randomUUID(), Reason.RETENTION);
            publisher.publish(later).get();
            privacy.await(PersonalDataErased.class, e -> later.requestId().equals(e.requestId()), 1, WAIT);

            assertThat(holder.calls(code)).as("one erase per request delivered, none for a confirmation").isEqualTo(3);
            assertThat(privacy.events(PersonalDataErased.class))
                    .filteredOn(e -> request.requestId().equals(e.requestId()))
                    .as("the second delivery publishes no other confirmation")
                    .extracting(PersonalDataErased::eventId)
                    .containsOnly(confirmation.eventId());
            assertThat(erasures(Reason.REQUEST) - erasuresBefore).isEqualTo(2);
        }
    }

    @Test
    void aParcelItNeverHeldIsConfirmedWithNoRows() throws Exception {
        String code = newTrackingCode();
        var request = request(code, "retention-" + code, Reason.RETENTION);
        try (var privacy = TopicRecorder.start(Topics.PRIVACY)) {
            publisher.publish(request).get();

            PersonalDataErased confirmation = privacy.await(PersonalDataErased.class, e -> code.equals(e.trackingCode()),
                    1, WAIT).getFirst();
            assertThat(confirmation.rows()).isZero();
            assertThat(confirmation.eventId())
                    .isEqualTo(PersonalDataErased.idFor(PrivacyTestApplication.SERVICE, "retention-" + code, code));
        }
    }

    @Test
    void aRequestWithAnInvalidTrackingCodeIsDeadLetteredWithoutErasingAnything() throws Exception {
        String invalid = "DG000000000XX";
        var request = request(invalid, "erasure-" + UUID.randomUUID(), Reason.REQUEST);
        try (var dlt = TopicRecorder.start(Topics.deadLetter(Topics.PRIVACY))) {
            publisher.publish(request).get();

            var dead = dlt.await(PersonalDataErasureRequested.class, e -> e.eventId().equals(request.eventId()), 1, WAIT);
            assertThat(dead).hasSize(1);
            var header = dlt.records().getFirst().headers().lastHeader("kafka_dlt-exception-message");
            assertThat(new String(header.value(), StandardCharsets.UTF_8)).contains("invalid tracking code");
            assertThat(holder.calls(invalid)).isZero();
        }
    }

    private long pendingConfirmations(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE message_key = ?").param(code).query(Long.class).single();
    }

    private double erasures(Reason reason) {
        return meters.counter("shipments_personal_data_erasures", "reason", reason.name()).count();
    }

    private static PersonalDataErasureRequested request(String code, String requestId, Reason reason) {
        return new PersonalDataErasureRequested(PersonalDataErasureRequested.idFor(requestId, code),
                OffsetDateTime.now(), code, requestId, reason);
    }

    /** A well-formed code (check digit included) no other test uses. */
    static String newTrackingCode() {
        String serial = String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        return "PD" + serial + TrackingCode.checkDigit(serial) + "BR";
    }
}
