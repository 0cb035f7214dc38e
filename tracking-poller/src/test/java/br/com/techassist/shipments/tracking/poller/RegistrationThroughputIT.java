package br.com.techassist.shipments.tracking.poller;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.support.kafka.EventPublisher;
import br.com.techassist.shipments.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Throughput of the registration listener on the real broker and database: {@code tracking.bench.registrations}
 * (5,000) registrations are published while the listener is stopped, then it is started and the time until
 * every object is tracked is measured (after a warm-up of 500). Prints records/s; asserts only that every
 * registration was stored once, never the time.
 */
@IntegrationTest(properties = {
    "tracking.poll.enabled=false",
    "correios.username=techassist",
    "correios.access-code=test-access-code",
    "correios.postcard=0067599079"
})
class RegistrationThroughputIT {

    private static final int REGISTRATIONS = Integer.getInteger("tracking.bench.registrations", 5_000);

    @DynamicPropertySource
    static void correios(DynamicPropertyRegistry registry) {
        PollerTestSupport.correiosProperties(registry);
    }

    @Autowired EventPublisher publisher;
    @Autowired JdbcClient jdbc;
    @Autowired PartitionOwnership ownership;
    @Autowired KafkaListenerEndpointRegistry listeners;

    @Test
    void everyRegistrationIsStoredOnceAndTheRateIsPrinted() {
        PollerTestSupport.awaitAllPartitions(ownership);
        consume("RW", 500); // warm-up: connections, JIT

        double seconds = consume("RT", REGISTRATIONS);

        System.out.printf("%nRegistrationThroughputIT: %d registrations stored in %.2f s = %.0f records/s%n%n",
                REGISTRATIONS, seconds, REGISTRATIONS / seconds);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tracked_object WHERE tracking_code LIKE 'RT%'")
                .query(Integer.class).single()).isEqualTo(REGISTRATIONS);
    }

    /** Publishes {@code count} registrations while the listener is stopped, then times how long it takes to store them. */
    private double consume(String prefix, int count) {
        List<String> codes = IntStream.rangeClosed(1, count).mapToObj(n -> PollerTestSupport.code(prefix, n)).toList();
        listeners.stop();
        PollerTestSupport.register(publisher, codes);
        long start = System.nanoTime();
        listeners.start();
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM tracked_object WHERE tracking_code LIKE :prefix")
                .param("prefix", prefix + "%").query(Integer.class).single() == count);
        return (System.nanoTime() - start) / 1e9;
    }
}
