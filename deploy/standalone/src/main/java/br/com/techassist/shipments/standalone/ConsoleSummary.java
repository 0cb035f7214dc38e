package br.com.techassist.shipments.standalone;

import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.ShipmentEventDeserializer;
import br.com.techassist.shipments.model.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's view of the system at work: reads the contract topics from their beginning (no
 * consumer group, nothing committed), prints one line per alert as it comes and, every
 * {@code interval} while the counts move, the {@link Tally} line.
 *
 * <p>Counting the events on the topics rather than the services' Micrometer meters: the topics are
 * the contract every service already honours (the meters are four registries in four contexts, named
 * by each service, and start at zero on a restart), and the alert lines need the events anyway.
 */
final class ConsoleSummary implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSummary.class);
    private static final List<String> TOPICS = List.of(Topics.REGISTERED, Topics.CONTACTS, Topics.STATUS,
            Topics.NOTIFICATIONS, Topics.ALERTS);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Duration interval;
    private final Tally tally = new Tally();
    private final ShipmentEventDeserializer events = new ShipmentEventDeserializer();
    private final Thread thread;
    private volatile boolean running = true;

    private ConsoleSummary(String bootstrapServers, Duration interval) {
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "standalone-console",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer());
        this.interval = interval;
        this.thread = Thread.ofPlatform().daemon().name("console-summary").unstarted(this::run);
    }

    /** Starts reading; the first summary comes {@code interval} after the first events. */
    static ConsoleSummary start(String bootstrapServers, Duration interval) {
        ConsoleSummary summary = new ConsoleSummary(bootstrapServers, interval);
        summary.thread.start();
        return summary;
    }

    private void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            String last = tally.line();
            long next = System.nanoTime() + interval.toNanos();
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    count(r);
                }
                if (System.nanoTime() >= next) {
                    next = System.nanoTime() + interval.toNanos();
                    String now = tally.line();
                    if (!now.equals(last)) {
                        log.info(now);
                        last = now;
                    }
                }
            }
        } catch (WakeupException stopping) {
            // closed
        } catch (RuntimeException e) {
            log.warn("the console summary stopped: {}", e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void count(ConsumerRecord<String, byte[]> r) {
        ShipmentEvent event;
        try {
            event = events.deserialize(r.topic(), r.headers(), r.value());
        } catch (RuntimeException undecodable) {
            return; // a poison record: the services dead-letter it and say so
        }
        if (event != null && tally.add(event) && event instanceof ShipmentAlert a) {
            log.warn("ALERT {} {} {}: {}", a.severity(), a.type(), a.trackingCode() == null ? "-" : a.trackingCode(),
                    a.message());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
