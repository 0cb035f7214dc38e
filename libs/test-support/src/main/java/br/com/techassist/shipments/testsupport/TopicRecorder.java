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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
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
    private volatile RuntimeException failure;

    private TopicRecorder(List<String> topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        createMissing(topics);
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

    /** Creates the topics that do not exist yet, with the partition count the services use. */
    private static void createMissing(List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()))) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            var missing = topics.stream().filter(t -> !existing.contains(t)).map(t -> new NewTopic(t, 6, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics " + topics + ": " + e.getCause(), e);
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + topics + ": " + e, e);
        }
    }

    /** Starts recording the given topics (created if missing) from their current end. */
    public static TopicRecorder start(String... topics) {
        return new TopicRecorder(List.of(topics));
    }

    private void run() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close();
        }
    }

    private void checkAlive() {
        if (failure != null) {
            throw new IllegalStateException("the topic recorder stopped: " + failure, failure);
        }
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
                .until(() -> {
                    checkAlive();
                    return events(type).stream().filter(filter).count() >= count;
                });
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
