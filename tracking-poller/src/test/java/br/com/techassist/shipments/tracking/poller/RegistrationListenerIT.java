package br.com.techassist.shipments.tracking.poller;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.ShipmentEventSerializer;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.testsupport.IntegrationTest;
import br.com.techassist.shipments.testsupport.SharedKafkaBroker;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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

    private static final TopicPartition PARTITION = new TopicPartition(Topics.REGISTERED, 2);

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
    void aPoisonRecordInTheMiddleOfABatchIsDeadLetteredAloneAndTheRecordsAroundItAreTracked() throws Exception {
        List<String> good = codes("BP", 4);
        double deadLettersBefore = deadLetters();
        try (var dlt = TopicRecorder.start(Topics.deadLetter(Topics.REGISTERED));
                var producer = producer()) {
            listeners.stop();
            send(producer, good.get(0));
            send(producer, good.get(1));
            send(producer, "NOT-A-CODE");
            producer.send(new ProducerRecord<>(PARTITION.topic(), PARTITION.partition(), "garbage",
                    "{not json".getBytes(StandardCharsets.UTF_8))).get();
            send(producer, good.get(2));
            send(producer, good.get(3));
            listeners.start();

            PollerTestSupport.awaitTracked(jdbc, good);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> dlt.records().size() >= 2);
            assertThat(dlt.records()).extracting(ConsumerRecord::key).containsExactly("NOT-A-CODE", "garbage");
            assertThat(deadLetters() - deadLettersBefore).isEqualTo(2);
            assertThat(jdbc.sql("SELECT kafka_partition FROM tracked_object WHERE tracking_code IN (:codes)")
                    .param("codes", good).query(Integer.class).list()).containsOnly(PARTITION.partition());
        } finally {
            listeners.start();
        }
    }

    @Test
    void aRedeliveredBatchChangesNothing() throws Exception {
        List<String> codes = codes("BR", 5);
        long from;
        try (var producer = producer()) {
            from = send(producer, codes.getFirst());
            for (String code : codes.subList(1, codes.size())) {
                send(producer, code);
            }
        }
        PollerTestSupport.awaitTracked(jdbc, codes);
        awaitCommitted(from + codes.size());
        List<Map<String, Object>> before = rows(codes);
        double registrationsBefore = registrations();

        listeners.stop();
        try (Admin admin = admin()) {
            admin.alterConsumerGroupOffsets("tracking-poller", Map.of(PARTITION, new OffsetAndMetadata(from))).all().get();
        }
        listeners.start();
        awaitCommitted(from + codes.size());

        assertThat(rows(codes)).isEqualTo(before);
        assertThat(registrations()).isEqualTo(registrationsBefore);
    }

    private List<String> codes(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> PollerTestSupport.code(prefix, n)).toList();
    }

    /** Sends the registration of {@code code} to {@link #PARTITION}; returns its offset. */
    private static long send(KafkaProducer<String, byte[]> producer, String code) throws Exception {
        ShipmentEvent registration = PollerTestSupport.registration(code);
        var headers = new RecordHeaders();
        byte[] value = new ShipmentEventSerializer("/prepost-ingest").serialize(PARTITION.topic(), headers, registration);
        return producer.send(new ProducerRecord<>(PARTITION.topic(), PARTITION.partition(), code, value, headers)).get()
                .offset();
    }

    private void awaitCommitted(long offset) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Admin admin = admin()) {
                var committed = admin.listConsumerGroupOffsets("tracking-poller").partitionsToOffsetAndMetadata().get()
                        .get(PARTITION);
                return committed != null && committed.offset() >= offset;
            }
        });
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

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", SharedKafkaBroker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static Admin admin() {
        return Admin.create(Map.<String, Object>of("bootstrap.servers", SharedKafkaBroker.bootstrapServers()));
    }
}
