package br.com.techassist.shipments.testsupport;

import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.ShipmentEventSerializer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * Writes records straight to one partition of the shared broker, in order, each acknowledged before
 * the next: what a stopped listener then receives as one batch, poison records included. Also moves
 * a consumer group back on that partition to have records delivered again.
 * {@code try (var writer = PartitionWriter.to(Topics.REGISTERED, 2)) {...}}
 */
public final class PartitionWriter implements AutoCloseable {

    private final TopicPartition partition;
    private final KafkaProducer<String, byte[]> producer;
    private final ShipmentEventSerializer serializer = new ShipmentEventSerializer("/tests");

    private PartitionWriter(TopicPartition partition) {
        this.partition = partition;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    public static PartitionWriter to(String topic, int partition) {
        return new PartitionWriter(new TopicPartition(topic, partition));
    }

    /** Writes {@code event} as the services publish it (JSON, CloudEvents headers); returns its offset. */
    public long send(String key, ShipmentEvent event) {
        var headers = new RecordHeaders();
        byte[] value = serializer.serialize(partition.topic(), headers, event);
        return send(new ProducerRecord<>(partition.topic(), partition.partition(), key, value, headers));
    }

    /** Writes these bytes as they are (e.g. a value no service can decode); returns the offset. */
    public long sendRaw(String key, byte[] value) {
        return send(new ProducerRecord<>(partition.topic(), partition.partition(), key, value));
    }

    private long send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS).offset();
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write to " + partition + ": " + e, e);
        }
    }

    /** Sets {@code group}'s committed offset on this partition to {@code offset}; the group must have no member. */
    public void rewind(String group, long offset) {
        try (Admin admin = admin()) {
            admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(offset))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot rewind " + group + " on " + partition + ": " + e, e);
        }
    }

    /** Waits until {@code group} has committed at least {@code offset} on this partition. */
    public void awaitCommitted(String group, long offset) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Admin admin = admin()) {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS).get(partition);
                return committed != null && committed.offset() >= offset;
            }
        });
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
