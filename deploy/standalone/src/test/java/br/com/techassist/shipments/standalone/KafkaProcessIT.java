package br.com.techassist.shipments.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fault test's broker: a restart keeps the port, the records and the committed offsets. */
class KafkaProcessIT {

    @TempDir
    Path dir;

    @Test
    void aRestartedServerKeepsItsRecordsAndCommittedOffsetsOnTheSameAddress() throws Exception {
        try (KafkaProcess kafka = KafkaProcess.start(dir)) {
            String servers = kafka.bootstrapServers();
            produce(servers, "before-1", "before-2");
            assertThat(consume(servers, 2)).containsExactly("before-1", "before-2");

            kafka.restart();

            assertThat(kafka.bootstrapServers()).isEqualTo(servers);
            produce(servers, "after-1");
            assertThat(consume(servers, 1)).as("the group resumes after its committed offset").containsExactly("after-1");
        }
    }

    private static void produce(String servers, String... values) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", servers),
                new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>("restart-test", "key", value)).get();
            }
        }
    }

    private static List<String> consume(String servers, int count) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", servers,
                "group.id", "restart-test", "auto.offset.reset", "earliest", "enable.auto.commit", "false"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("restart-test"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
            consumer.commitSync();
        }
        return values;
    }
}
