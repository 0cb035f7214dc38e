package br.com.techassist.shipments.support.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.ShipmentEventSerializer;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.support.ShipmentsService;
import br.com.techassist.shipments.support.kafka.PoisonRecordException;
import br.com.techassist.shipments.testsupport.IntegrationTest;
import br.com.techassist.shipments.testsupport.SharedKafkaBroker;
import br.com.techassist.shipments.testsupport.TestApiKeys;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's dead-letter endpoints against a real broker and database: a record the listener
 * cannot process lands in {@code shipments.status.v1.dlt}, is listed (cause, no payload), and once
 * the cause is fixed a replay processes it once; replaying the same offsets again is refused unless
 * forced; each replay is audited; the waiting gauge follows replays and acknowledgements; roles are enforced.
 */
@IntegrationTest(properties = {"shipments.audit.enabled=true", "shipments.dead-letters.enabled=true"})
@AutoConfigureMockMvc
class DeadLetterReplayIT {

    private static final String DLT = Topics.deadLetter(Topics.STATUS);
    private static final String KEY = "DG049186226BR";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    StatusListener listener;

    @Autowired
    DeadLettersWaiting waiting;

    @Test
    void aPoisonedRecordIsListedThenReplayedOnceAfterTheFixAndASecondReplayNeedsForce() throws Exception {
        ShipmentAlert event = new ShipmentAlert(UUID.randomUUID(), OffsetDateTime.now(), KEY,
                ShipmentAlert.AlertType.STALLED, ShipmentAlert.Severity.INFO, "replay me", Map.of());
        listener.failing.set(true);
        try (var producer = new KafkaProducer<String, ShipmentEvent>(
                Map.of("bootstrap.servers", SharedKafkaBroker.bootstrapServers()), new StringSerializer(),
                new ShipmentEventSerializer("/support-dlt-test"))) {
            producer.send(new ProducerRecord<>(Topics.STATUS, KEY, event)).get();
        }
        JsonNode letter = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ours(event), n -> n != null);
        assertThat(letter.get("exceptionClass").asString()).endsWith("PoisonRecordException");
        assertThat(letter.get("exceptionMessage").asString()).contains("never processable");
        assertThat(letter.get("originalTopic").asString()).isEqualTo(Topics.STATUS);
        assertThat(letter.get("payloadBytes").asInt()).isPositive();
        assertThat(letter.get("replayed").asBoolean()).isFalse();
        assertThat(letter.has("payload")).as("payloads are never shown").isFalse();
        int partition = letter.get("partition").asInt();
        long offset = letter.get("offset").asLong();
        waiting.refresh();
        long waitingBefore = waiting.of(DLT);
        assertThat(waitingBefore).isPositive();

        mvc.perform(get("/api/dead-letters").param("topic", DLT)).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        replay(TestApiKeys.AUDITOR, keys()).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        replay(null, keys()).andExpect(status().isUnauthorized());
        replay(TestApiKeys.OPERATOR, """
                {"topic":"shipments.registered.v1.dlt","keys":["%s"]}""".formatted(KEY))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("topic"));
        replay(TestApiKeys.OPERATOR, """
                {"topic":"%s","keys":["%s"],"partition":0,"fromOffset":0,"toOffset":1}""".formatted(DLT, KEY))
                .andExpect(status().isBadRequest());

        listener.failing.set(false); // the cause is fixed
        replay(TestApiKeys.OPERATOR, keys()).andExpect(status().isOk()).andExpect(jsonPath("$.replayed").value(1))
                .andExpect(jsonPath("$.forced").value(0));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> listener.processedCount(event.eventId()) == 1);
        assertThat(listener.replayedFrom).contains(DLT + "/" + partition + "/" + offset);
        assertThat(ours(event).get("replayed").asBoolean()).isTrue();
        waiting.refresh();
        assertThat(waiting.of(DLT)).isEqualTo(waitingBefore - 1);

        String range = """
                {"topic":"%s","partition":%d,"fromOffset":%d,"toOffset":%d%s}""";
        replay(TestApiKeys.OPERATOR, range.formatted(DLT, partition, offset, offset, ""))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.replayed[0]").value(DLT + "/" + partition + "/" + offset));
        replay(TestApiKeys.OPERATOR, range.formatted(DLT, partition, offset, offset, ",\"force\":true"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.replayed").value(1))
                .andExpect(jsonPath("$.forced").value(1));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> listener.processedCount(event.eventId()) == 2);

        acknowledgeUpTo(partition, offset + 1);
        waiting.refresh();
        assertThat(waiting.of(DLT)).as("acknowledged records are not waiting either").isZero();

        JsonNode audit = JSON.readTree(mvc.perform(get("/api/audit").param("trackingCode", KEY)
                        .header("Authorization", TestApiKeys.AUDITOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(audit.valueStream().filter(r -> r.get("action").asString().equals("dead-letter.replayed")).toList())
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.get("actor").asString()).isEqualTo(TestApiKeys.OPERATOR_NAME));
    }

    /** What an operator does with kafka-consumer-groups.sh --reset-offsets on the acknowledging group. */
    private static void acknowledgeUpTo(int partition, long offset) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of("bootstrap.servers", SharedKafkaBroker.bootstrapServers(),
                "group.id", "shipments-dlt-acknowledged"), new StringDeserializer(), new StringDeserializer())) {
            consumer.commitSync(Map.of(new TopicPartition(DLT, partition), new OffsetAndMetadata(offset)));
        }
    }

    private static String keys() {
        return """
                {"topic":"%s","keys":["%s"]}""".formatted(DLT, KEY);
    }

    private ResultActions replay(@Nullable String authorization, String body) throws Exception {
        var request = post("/api/dead-letters/replay").contentType(MediaType.APPLICATION_JSON).content(body);
        return mvc.perform(authorization == null ? request : request.header("Authorization", authorization));
    }

    /** The listed dead letter of {@code event} (auditors may list), or null while it is not there. */
    private @Nullable JsonNode ours(ShipmentAlert event) throws Exception {
        JsonNode page = JSON.readTree(mvc.perform(get("/api/dead-letters").param("topic", DLT).param("size", "200")
                        .header("Authorization", TestApiKeys.AUDITOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        return page.get("records").valueStream()
                .filter(r -> KEY.equals(r.get("key").asString())
                        && r.get("exceptionMessage").asString().contains(event.eventId().toString()))
                .findFirst().orElse(null);
    }

    @ShipmentsService("support-dlt-test")
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApplication {
        @Bean
        StatusListener statusListener() {
            return new StatusListener();
        }
    }

    /** Fails every record while {@link #failing}, as a bug would; records what it processed and where replays came from. */
    static class StatusListener {
        final AtomicBoolean failing = new AtomicBoolean();
        final List<UUID> processed = new CopyOnWriteArrayList<>();
        final List<String> replayedFrom = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = Topics.STATUS, groupId = "support-dlt-test")
        void on(ShipmentEvent event, @Header(name = DeadLetterHeaders.REPLAYED_FROM, required = false) @Nullable String from) {
            if (failing.get()) {
                throw new PoisonRecordException("never processable: " + event.eventId());
            }
            processed.add(event.eventId());
            if (from != null) {
                replayedFrom.add(from);
            }
        }

        long processedCount(UUID id) {
            return processed.stream().filter(id::equals).count();
        }
    }
}
