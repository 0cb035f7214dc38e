package br.com.techassist.shipments.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.ShipmentEventSerializer;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.testsupport.IntegrationTest;
import br.com.techassist.shipments.testsupport.SharedKafkaBroker;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared error handling against a real broker: poison records (undecodable bytes, records the
 * listener rejects) land on {@code <topic>.dlt} with the reason in the headers, while a database
 * outage is waited out and the record is processed once it is back, never dead-lettered.
 */
@IntegrationTest(properties = {
    "spring.liquibase.change-log=classpath:db/changelog/support-test.changelog-master.yaml",
    "shipments.kafka.retry-attempts=2",
    "shipments.kafka.outage-max-interval=200ms"
})
class DeadLetterIT {

    @Autowired
    AlertListener listener;

    @Autowired
    BatchListener batchListener;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MeterRegistry meters;

    @Test
    void undecodableBytesAndRejectedRecordsGoToTheDeadLetterTopicWithTheReason() {
        String garbageKey = "DLT" + UUID.randomUUID();
        try (var dlt = TopicRecorder.start(Topics.deadLetter(Topics.ALERTS));
                var producer = rawProducer()) {
            producer.send(new ProducerRecord<>(Topics.ALERTS, garbageKey, "{not json".getBytes(StandardCharsets.UTF_8)));
            ShipmentAlert poison = alert("poison");
            listener.behaviour.put(poison.eventId(), "poison");
            listener.publisher.publish(poison);

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> dlt.records().size() >= 2);
            var garbage = dlt.records().stream().filter(r -> garbageKey.equals(r.key())).findFirst().orElseThrow();
            assertThat(new String(garbage.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(header(garbage, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
            assertThat(dlt.events(ShipmentAlert.class)).extracting(ShipmentAlert::eventId).containsExactly(poison.eventId());
            var rejected = dlt.records().stream().filter(r -> !garbageKey.equals(r.key())).findFirst().orElseThrow();
            assertThat(header(rejected, "kafka_dlt-exception-message")).contains("never processable");
            assertThat(listener.attempts(poison.eventId())).as("a poison record is not retried").isEqualTo(1);
        }
    }

    @Test
    void theDeadLetterHeadersCarryNoPhoneEmailOrDocumentInClear() {
        ShipmentAlert personal = alert("personal");
        listener.behaviour.put(personal.eventId(), "personal");
        try (var dlt = TopicRecorder.start(Topics.deadLetter(Topics.ALERTS))) {
            listener.publisher.publish(personal);

            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> dlt.events(ShipmentAlert.class).stream().anyMatch(e -> e.eventId().equals(personal.eventId())));
            var record = dlt.records().stream().filter(r -> header(r, "ce_id").equals(personal.eventId().toString()))
                    .findFirst().orElseThrow();
            String message = header(record, "kafka_dlt-exception-message");
            String stackTrace = header(record, "kafka_dlt-exception-stacktrace");
            assertThat(message).contains("cannot reach +55 43 9****-0021", "m****@example.com", "***.***.***-**");
            assertThat(stackTrace).contains("cannot reach +55 43 9****-0021");
            for (String header : List.of(message, stackTrace)) {
                assertThat(header).doesNotContain("99999-0021", "maria@example.com", "529.982.247-25");
            }
        }
    }

    @Test
    void aDatabaseOutageIsWaitedOutInsteadOfDeadLettering() {
        ShipmentAlert alert = alert("outage");
        listener.behaviour.put(alert.eventId(), "outage");
        try (var dlt = TopicRecorder.start(Topics.deadLetter(Topics.ALERTS))) {
            listener.publisher.publish(alert);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> listener.processed.contains(alert.eventId()));
            assertThat(listener.attempts(alert.eventId()))
                    .as("more failures than retry-attempts, and still not dead-lettered").isGreaterThan(3);
            assertThat(dlt.events(ShipmentAlert.class)).extracting(ShipmentAlert::eventId).doesNotContain(alert.eventId());
        }
    }

    @Test
    void inABatchOnlyThePoisonRecordsAreDeadLetteredAndTheRecordsAroundThemAreCommittedOnceInOrder() throws Exception {
        String key = "DG049186226BR"; // one partition: one batch, in order
        ShipmentAlert first = alert("first"), second = alert("second"), poison = alert("poison"), bug = alert("bug"),
                third = alert("third");
        batchListener.behaviour.put(poison.eventId(), "poison");
        batchListener.behaviour.put(bug.eventId(), "bug");
        double deadLettersBefore = deadLetters(Topics.NOTIFICATIONS);
        var container = listeners.getListenerContainer(BatchListener.ID);
        try (var dlt = TopicRecorder.start(Topics.deadLetter(Topics.NOTIFICATIONS));
                var events = eventProducer();
                var raw = rawProducer()) {
            container.stop();
            events.send(new ProducerRecord<>(Topics.NOTIFICATIONS, key, first)).get();
            events.send(new ProducerRecord<>(Topics.NOTIFICATIONS, key, second)).get();
            events.send(new ProducerRecord<>(Topics.NOTIFICATIONS, key, poison)).get();
            raw.send(new ProducerRecord<>(Topics.NOTIFICATIONS, key, "{not json".getBytes(StandardCharsets.UTF_8))).get();
            events.send(new ProducerRecord<>(Topics.NOTIFICATIONS, key, bug)).get();
            events.send(new ProducerRecord<>(Topics.NOTIFICATIONS, key, third)).get();
            container.start();

            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> dlt.records().size() >= 3
                    && batchListener.committed.contains(third.eventId()));
            var ours = List.of(first, second, poison, bug, third).stream().map(ShipmentAlert::eventId).toList();
            assertThat(batchListener.committed).filteredOn(ours::contains).as("committed once each, in order")
                    .containsExactly(first.eventId(), second.eventId(), third.eventId());
            assertThat(dlt.events(ShipmentAlert.class)).extracting(ShipmentAlert::eventId)
                    .containsExactly(poison.eventId(), bug.eventId());
            var garbage = dlt.records().get(1);
            assertThat(new String(garbage.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(header(garbage, "kafka_dlt-exception-cause-fqcn") + header(garbage, "kafka_dlt-exception-fqcn"))
                    .contains("DeserializationException");
            assertThat(header(dlt.records().getFirst(), "kafka_dlt-exception-message")).contains("never processable");
            assertThat(batchListener.attempts(poison.eventId())).as("a poison record is not retried").isEqualTo(1);
            assertThat(deadLetters(Topics.NOTIFICATIONS) - deadLettersBefore).isEqualTo(3);
        } finally {
            container.start();
        }
    }

    @Test
    void inABatchADatabaseOutageIsWaitedOutWithoutDeadLetteringOrCommittingAnythingTwice() throws Exception {
        ShipmentAlert before = alert("before"), outage = alert("outage"), after = alert("after");
        batchListener.behaviour.put(outage.eventId(), "outage");
        try (var dlt = TopicRecorder.start(Topics.deadLetter(Topics.NOTIFICATIONS));
                var events = eventProducer()) {
            for (ShipmentAlert alert : List.of(before, outage, after)) {
                events.send(new ProducerRecord<>(Topics.NOTIFICATIONS, "DG049186226BR", alert)).get();
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> batchListener.committed.contains(after.eventId()));
            assertThat(batchListener.attempts(outage.eventId())).isGreaterThan(3);
            assertThat(batchListener.committed).filteredOn(List.of(before.eventId(), outage.eventId(), after.eventId())::contains)
                    .containsExactly(before.eventId(), outage.eventId(), after.eventId());
            assertThat(dlt.records()).isEmpty();
        }
    }

    private double deadLetters(String topic) {
        return meters.counter("shipments_dead_letters", "topic", topic).count();
    }

    private static KafkaProducer<String, ShipmentEvent> eventProducer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", SharedKafkaBroker.bootstrapServers()),
                new StringSerializer(), new ShipmentEventSerializer("/support-test"));
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", SharedKafkaBroker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static ShipmentAlert alert(String message) {
        return new ShipmentAlert(UUID.randomUUID(), OffsetDateTime.now(), "DG049186226BR",
                ShipmentAlert.AlertType.STALLED, ShipmentAlert.Severity.INFO, message, Map.of());
    }

    @br.com.techassist.shipments.support.ShipmentsService("support-test")
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApplication {
        @Bean
        AlertListener alertListener(EventPublisher publisher) {
            return new AlertListener(publisher);
        }

        @Bean
        BatchListener batchListener(TransactionTemplate transactions) {
            return new BatchListener(transactions);
        }
    }

    /**
     * A batch listener through {@link EventBatches}: an alert is "committed" only when its
     * transaction commits; "poison" alerts are rejected by validation, "bug" ones always fail in
     * the transaction, "outage" ones fail like an unreachable database four times.
     */
    static class BatchListener {
        static final String ID = "support-test-batch";
        final EventBatches batches;
        final Map<UUID, String> behaviour = new ConcurrentHashMap<>();
        final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final List<UUID> committed = new CopyOnWriteArrayList<>();

        BatchListener(TransactionTemplate transactions) {
            this.batches = new EventBatches(transactions);
        }

        int attempts(UUID id) {
            return attempts.getOrDefault(id, new AtomicInteger()).get();
        }

        @KafkaListener(id = ID, topics = Topics.NOTIFICATIONS, groupId = ID, batch = "true")
        void on(List<ConsumerRecord<String, ShipmentEvent>> records) {
            batches.process(records, record -> {
                ShipmentEvent event = record.value();
                attempts.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
                if ("poison".equals(behaviour.get(event.eventId()))) {
                    throw new PoisonRecordException("never processable: " + event.eventId());
                }
                return event.eventId();
            }, this::commit);
        }

        private void commit(List<UUID> ids) {
            for (UUID id : ids) {
                String how = behaviour.getOrDefault(id, "ok");
                if (how.equals("bug")) {
                    throw new IllegalStateException("a bug in handling " + id);
                }
                if (how.equals("outage") && attempts(id) <= 4) {
                    throw new CannotGetJdbcConnectionException("database away", new java.sql.SQLTransientConnectionException("refused"));
                }
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed.addAll(ids);
                }
            });
        }
    }

    static class AlertListener {
        final EventPublisher publisher;
        final Map<UUID, String> behaviour = new ConcurrentHashMap<>();
        final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final List<UUID> processed = new CopyOnWriteArrayList<>();

        AlertListener(EventPublisher publisher) {
            this.publisher = publisher;
        }

        int attempts(UUID id) {
            return attempts.getOrDefault(id, new AtomicInteger()).get();
        }

        @KafkaListener(topics = Topics.ALERTS, groupId = "support-test")
        void on(ShipmentEvent event) {
            int attempt = attempts.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
            switch (behaviour.getOrDefault(event.eventId(), "ok")) {
                case "poison" -> throw new PoisonRecordException("never processable: " + event.eventId());
                case "personal" -> throw new PoisonRecordException(
                        "cannot reach +55 43 99999-0021 (maria@example.com, CPF 529.982.247-25) for " + event.eventId());
                case "outage" -> {
                    if (attempt <= 4) {
                        throw new CannotGetJdbcConnectionException("database away", new java.sql.SQLTransientConnectionException("refused"));
                    }
                }
                default -> { }
            }
            processed.add(event.eventId());
        }
    }
}
