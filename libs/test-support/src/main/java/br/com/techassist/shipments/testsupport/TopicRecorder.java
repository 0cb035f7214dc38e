package br.com.techassist.shipments.testsupport;

import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.ShipmentEventDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Records what is published on some topics of the shared broker from the moment it is started, so
 * a test can assert on real records: {@code try (var rec = TopicRecorder.start(Topics.STATUS)) {...}}.
 * Values are kept raw and decoded on demand, so poison records can be asserted too.
 */
public final class TopicRecorder implements AutoCloseable {

    private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    private TopicRecorder(List<String> topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before anything new is produced
        thread = Thread.ofPlatform().daemon().name("topic-recorder").start(this::run);
    }

    /** Starts recording the given topics (created if missing) from their current end. */
    public static TopicRecorder start(String... topics) {
        return new TopicRecorder(List.of(topics));
    }

    private void run() {
        while (running) {
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }
        consumer.close();
    }

    /** Every raw record seen so far. */
    public List<ConsumerRecord<String, byte[]>> records() {
        return List.copyOf(records);
    }

    /** Every decoded event of {@code type} seen so far, in arrival order. */
    public <T extends ShipmentEvent> List<T> events(Class<T> type) {
        var deserializer = new ShipmentEventDeserializer();
        List<T> out = new ArrayList<>();
        for (var r : records) {
            try {
                ShipmentEvent e = deserializer.deserialize(r.topic(), r.headers(), r.value());
                if (type.isInstance(e)) {
                    out.add(type.cast(e));
                }
            } catch (RuntimeException ignored) {
                // a poison record: visible through records()
            }
        }
        return out;
    }

    /** Waits until at least {@code count} events of {@code type} matching {@code filter} arrived. */
    public <T extends ShipmentEvent> List<T> await(Class<T> type, Predicate<T> filter, int count, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> events(type).stream().filter(filter).count() >= count);
        return events(type).stream().filter(filter).toList();
    }

    public <T extends ShipmentEvent> List<T> await(Class<T> type, int count) {
        return await(type, e -> true, count, Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
