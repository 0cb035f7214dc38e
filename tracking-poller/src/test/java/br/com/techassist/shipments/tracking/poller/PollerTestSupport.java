package br.com.techassist.shipments.tracking.poller;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.Recipient;
import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.model.ShipmentStatusChanged;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.support.kafka.EventPublisher;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What the integration tests of this package share: the fake Correios, the recorder, the clock, helpers. */
final class PollerTestSupport {

    static final FakeSroRastro SRO = new FakeSroRastro();
    static final WireMockServer CORREIOS = startCorreios();
    private static TopicRecorder recorder;

    private PollerTestSupport() {}

    /**
     * Records the status and alert topics from the first call on; call it once the application
     * context is up (its topic beans have created the topics).
     */
    static synchronized TopicRecorder recorder() {
        if (recorder == null) {
            recorder = TopicRecorder.start(Topics.STATUS, Topics.ALERTS);
        }
        return recorder;
    }

    private static WireMockServer startCorreios() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort().extensions(SRO));
        server.start();
        SRO.stub(server);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-shutdown"));
        return server;
    }

    static void correiosProperties(DynamicPropertyRegistry registry) {
        registry.add("correios.base-url", CORREIOS::baseUrl);
    }

    /** A valid code: two letters, the serial {@code n}, its check digit, BR. */
    static String code(String prefix, int n) {
        String serial = String.format("%08d", n);
        return new TrackingCode(prefix + serial + TrackingCode.checkDigit(serial) + "BR").value();
    }

    static void register(EventPublisher publisher, Collection<String> codes) {
        List<CompletableFuture<?>> sent = codes.stream()
                .<CompletableFuture<?>>map(code -> publisher.publish(registration(code)))
                .toList();
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }

    /** The registration prepost-ingest publishes for {@code code} (any string: invalid codes make poison records). */
    static ShipmentRegistered registration(String code) {
        return new ShipmentRegistered(ShipmentRegistered.idFor(code), OffsetDateTime.now(ZoneOffset.UTC), code,
                ShipmentRegistered.Source.PRE_POSTING, "PP-" + code, "03298", "PAC CONTRATO AG",
                new Recipient(null, null, null, null, null), List.of(), null, null);
    }

    static void awaitTracked(JdbcClient jdbc, Collection<String> codes) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM tracked_object WHERE tracking_code IN (:codes)")
                .param("codes", codes).query(Integer.class).single() == codes.size());
    }

    static void awaitOutboxDrained(JdbcClient jdbc) {
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM outbox_event").query(Integer.class).single() == 0);
    }

    static void awaitAllPartitions(PartitionOwnership... instances) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> java.util.Arrays.stream(instances)
                .mapToInt(o -> o.partitions().size()).sum() == 6);
    }

    /** Waits for {@code count} status changes of {@code code} and checks that there are exactly that many. */
    static List<ShipmentStatusChanged> changesOf(String code, int count, JdbcClient jdbc) {
        recorder().await(ShipmentStatusChanged.class, e -> e.trackingCode().equals(code), count, Duration.ofSeconds(30));
        awaitOutboxDrained(jdbc);
        List<ShipmentStatusChanged> changes = eventsOf(ShipmentStatusChanged.class, code);
        assertThat(changes).as("status changes of %s", code).hasSize(count);
        return changes;
    }

    static List<ShipmentAlert> alertsOf(String code) {
        return eventsOf(ShipmentAlert.class, code);
    }

    static <T extends ShipmentEvent> List<T> eventsOf(Class<T> type, String code) {
        return recorder().events(type).stream().filter(e -> code.equals(e.trackingCode())).toList();
    }

    /** The shared test clock as the application's clock. */
    @TestConfiguration
    static class ClockConfiguration {
        @Bean
        @Primary
        Clock testClock() {
            return TestClock.SHARED;
        }
    }
}
