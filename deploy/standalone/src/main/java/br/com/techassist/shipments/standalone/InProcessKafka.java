package br.com.techassist.shipments.standalone;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node KRaft broker inside this JVM. It listens on a free port chosen at start (the
 * embedded KRaft test kit does not honour a fixed port); the console prints the address.
 * Its log lives in a temporary directory: the services keep their state in their databases, and
 * what was still in flight at shutdown is republished from their outboxes on the next start.
 */
final class InProcessKafka implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    private static final Logger log = LoggerFactory.getLogger("kafka.storage");

    private InProcessKafka(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    static InProcessKafka start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        startQuietly(broker);
        return new InProcessKafka(broker);
    }

    /**
     * Starts the broker; what its storage formatter prints on {@code System.out} goes to the full log
     * instead of the console.
     */
    private static void startQuietly(EmbeddedKafkaKraftBroker broker) {
        PrintStream console = System.out;
        var printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            broker.afterPropertiesSet();
        } finally {
            System.setOut(console);
            printed.toString(StandardCharsets.UTF_8).lines().forEach(line -> log.info("{}", line));
        }
    }

    String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
