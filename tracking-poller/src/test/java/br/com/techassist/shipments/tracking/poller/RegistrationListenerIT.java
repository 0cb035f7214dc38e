package br.com.techassist.shipments.tracking.poller;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.testsupport.IntegrationTest;
import br.com.techassist.shipments.testsupport.PartitionWriter;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The batch registration listener against the real broker and database: the records of one
 * partition are written while the listener is stopped, so they arrive as one batch.
 */
@IntegrationTest(properties = {
    "tracking.poll.enabled=false",
    "correios.username=techassist",
    "correios.access-code=test-access-code",
    "correios.postcard=0067599079"
})
class RegistrationListenerIT {

    private static final int PARTITION = 2;
    private static final String GROUP = "tracking-poller";

    @DynamicPropertySource
    static void correios(DynamicPropertyRegistry registry) {
        PollerTestSupport.correiosProperties(registry);
    }

    @Autowired JdbcClient jdbc;
    @Autowired PartitionOwnership ownership;
    @Autowired KafkaListenerEndpointRegistry listeners;
    @Autowired MeterRegistry meters;

    @BeforeEach
    void thisInstanceOwnsEveryPartition() {
        PollerTestSupport.awaitAllPartitions(ownership);
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchIsDeadLetteredAloneAndTheRecordsAroundItAreTracked() {
        List<String> good = codes("BP", 4);
        double deadLettersBefore = deadLetters();
        try (var dlt = TopicRecorder.start(Topics.deadLetter(Topics.REGISTERED));
                var writer = PartitionWriter.to(Topics.REGISTERED, PARTITION)) {
            listeners.stop();
            writer.send(good.get(0), PollerTestSupport.registration(good.get(0)));
            writer.send(good.get(1), PollerTestSupport.registration(good.get(1)));
            writer.send("NOT-A-CODE", PollerTestSupport.registration("NOT-A-CODE"));
            writer.sendRaw("garbage", "{not json".getBytes(StandardCharsets.UTF_8));
            writer.send(good.get(2), PollerTestSupport.registration(good.get(2)));
            writer.send(good.get(3), PollerTestSupport.registration(good.get(3)));
            listeners.start();

            PollerTestSupport.awaitTracked(jdbc, good);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> dlt.records().size() >= 2);
            assertThat(dlt.records()).extracting(ConsumerRecord::key).containsExactly("NOT-A-CODE", "garbage");
            assertThat(deadLetters() - deadLettersBefore).isEqualTo(2);
            assertThat(jdbc.sql("SELECT kafka_partition FROM tracked_object WHERE tracking_code IN (:codes)")
                    .param("codes", good).query(Integer.class).list()).containsOnly(PARTITION);
        } finally {
            listeners.start();
        }
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        List<String> codes = codes("BR", 5);
        try (var writer = PartitionWriter.to(Topics.REGISTERED, PARTITION)) {
            long from = writer.send(codes.getFirst(), PollerTestSupport.registration(codes.getFirst()));
            codes.subList(1, codes.size()).forEach(code -> writer.send(code, PollerTestSupport.registration(code)));
            PollerTestSupport.awaitTracked(jdbc, codes);
            writer.awaitCommitted(GROUP, from + codes.size());
            List<Map<String, Object>> before = rows(codes);
            double registrationsBefore = registrations();

            listeners.stop();
            writer.rewind(GROUP, from);
            listeners.start();
            writer.awaitCommitted(GROUP, from + codes.size());

            assertThat(rows(codes)).isEqualTo(before);
            assertThat(registrations()).isEqualTo(registrationsBefore);
        } finally {
            listeners.start();
        }
    }

    private List<String> codes(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> PollerTestSupport.code(prefix, n)).toList();
    }

    private List<Map<String, Object>> rows(List<String> codes) {
        return jdbc.sql("SELECT * FROM tracked_object WHERE tracking_code IN (:codes) ORDER BY tracking_code")
                .param("codes", codes).query().listOfRows();
    }

    private double deadLetters() {
        return meters.counter("shipments_dead_letters", "topic", Topics.REGISTERED).count();
    }

    private double registrations() {
        return meters.get("tracking.registrations").counter().count();
    }
}
