package br.com.techassist.shipments.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** One real KRaft broker per test JVM, started on first use and stopped when the JVM exits. */
public final class SharedKafkaBroker {

    private static EmbeddedKafkaKraftBroker broker;

    private SharedKafkaBroker() {}

    /** The bootstrap servers of the shared broker, starting it if needed. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 6);
            started.brokerProperty("auto.create.topics.enable", "true");
            started.brokerProperty("transaction.state.log.replication.factor", "1");
            started.brokerProperty("transaction.state.log.min.isr", "1");
            started.brokerProperty("group.initial.rebalance.delay.ms", "0");
            started.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "kafka-test-broker-shutdown"));
            broker = started;
        }
        return broker.getBrokersAsString();
    }
}
