package br.com.techassist.shipments.support.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * Reads dead-letter topics from the broker as they are (raw keys, values and headers), with a
 * short-lived consumer of no group: nothing is committed, every read sees the whole topic.
 */
public class DeadLetterLog {

    /**
     * The offsets a partition holds, {@code [begin, end)}, and where the records not yet acknowledged
     * start ({@code acknowledged}: the committed offset of the acknowledging group, at least {@code begin}).
     */
    public record Bounds(TopicPartition partition, long begin, long end, long acknowledged) {
        long size() {
            return end - begin;
        }
    }

    private final ConsumerFactory<byte[], byte[]> consumers;
    private final Duration timeout;
    private final String acknowledgedGroup;

    /**
     * @param acknowledgedGroup the consumer group whose committed offset marks what operators
     *     acknowledged (dropped on purpose); never joined, only read
     */
    public DeadLetterLog(Map<String, Object> consumerProperties, Duration timeout, String acknowledgedGroup) {
        Map<String, Object> config = new HashMap<>(consumerProperties);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letters");
        this.consumers = new DefaultKafkaConsumerFactory<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.timeout = timeout;
        this.acknowledgedGroup = acknowledgedGroup;
    }

    /** The partitions of {@code topics} with their offsets, by topic then partition. */
    public List<Bounds> bounds(List<String> topics) {
        try (Consumer<byte[], byte[]> consumer = consumers.createConsumer(acknowledgedGroup, "dead-letters", null)) {
            return bounds(consumer, topics, true);
        }
    }

    /** Records {@code skip} to {@code skip + limit} of {@code topics} read one after the other. */
    public List<ConsumerRecord<byte[], byte[]>> slice(List<String> topics, long skip, int limit) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (Consumer<byte[], byte[]> consumer = consumers.createConsumer()) {
            long toSkip = skip;
            for (Bounds b : bounds(consumer, topics, false)) {
                if (toSkip >= b.size()) {
                    toSkip -= b.size();
                    continue;
                }
                long from = b.begin() + toSkip;
                toSkip = 0;
                read(consumer, b, from, Math.min(b.end(), from + limit - out.size()), r -> true, out, limit);
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    /** The records of {@code topic}'s {@code partition} from {@code fromOffset} to {@code toOffset} inclusive. */
    public List<ConsumerRecord<byte[], byte[]>> range(String topic, int partition, long fromOffset, long toOffset) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (Consumer<byte[], byte[]> consumer = consumers.createConsumer()) {
            for (Bounds b : bounds(consumer, List.of(topic), false)) {
                if (b.partition().partition() == partition) {
                    long from = Math.max(b.begin(), fromOffset);
                    read(consumer, b, from, Math.min(b.end(), toOffset + 1), r -> true, out, Integer.MAX_VALUE);
                }
            }
        }
        return out;
    }

    /** Up to {@code limit + 1} records of {@code topic} whose key is one of {@code keys} (one more tells "too many"). */
    public List<ConsumerRecord<byte[], byte[]>> withKeys(String topic, Set<String> keys, int limit) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        Predicate<ConsumerRecord<byte[], byte[]>> wanted = r -> r.key() != null
                && keys.contains(new String(r.key(), StandardCharsets.UTF_8));
        try (Consumer<byte[], byte[]> consumer = consumers.createConsumer()) {
            for (Bounds b : bounds(consumer, List.of(topic), false)) {
                read(consumer, b, b.begin(), b.end(), wanted, out, limit + 1);
            }
        }
        return out;
    }

    private List<Bounds> bounds(Consumer<byte[], byte[]> consumer, List<String> topics, boolean withAcknowledged) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
                    .forEach(partitions::add);
        }
        Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, timeout);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        Map<TopicPartition, OffsetAndMetadata> acknowledged = !withAcknowledged ? Map.of()
                : consumer.committed(Set.copyOf(partitions), timeout);
        return partitions.stream().map(tp -> {
            OffsetAndMetadata ack = acknowledged.get(tp);
            long begin = begins.get(tp);
            return new Bounds(tp, begin, ends.get(tp), ack == null ? begin : Math.max(begin, ack.offset()));
        }).toList();
    }

    /** Adds the records of {@code [from, until)} of one partition that match {@code wanted}, up to {@code limit} in all. */
    private void read(Consumer<byte[], byte[]> consumer, Bounds b, long from, long until,
            Predicate<ConsumerRecord<byte[], byte[]>> wanted, List<ConsumerRecord<byte[], byte[]>> out, int limit) {
        if (from >= until) {
            return;
        }
        consumer.assign(List.of(b.partition()));
        consumer.seek(b.partition(), from);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (consumer.position(b.partition(), timeout) < until && out.size() < limit) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reading " + b.partition() + " took longer than " + timeout);
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.offset() < until && out.size() < limit && wanted.test(r)) {
                    out.add(r);
                }
            }
        }
    }
}
