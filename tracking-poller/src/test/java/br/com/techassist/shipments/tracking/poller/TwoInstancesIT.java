package br.com.techassist.shipments.tracking.poller;

import static br.com.techassist.shipments.tracking.poller.PollerTestSupport.SRO;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.ShipmentStatusChanged;
import br.com.techassist.shipments.support.kafka.EventPublisher;
import br.com.techassist.shipments.testsupport.InfrastructureInitializer;
import br.com.techassist.shipments.tracking.TrackingApplication;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Horizontal scale: two instances (two application contexts on one database and one broker) split
 * the objects by the partitions of {@code shipments.registered.v1} their consumers are assigned.
 * In one cycle each object is polled by exactly one of them; when one stops, the consumer group
 * gives its partitions, and so its objects, to the other.
 */
class TwoInstancesIT {

    private static final LocalDateTime DAY = LocalDateTime.of(2026, 11, 27, 8, 0);

    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;

    @AfterEach
    void stop() {
        for (var context : new ConfigurableApplicationContext[] {second, first}) {
            if (context != null && context.isActive()) {
                context.close();
            }
        }
    }

    @Test
    void twoInstancesPollEveryObjectOncePerCycleAndTheSurvivorTakesOverWhenOneStops() {
        first = start();
        second = start();
        PartitionOwnership ownsFirst = first.getBean(PartitionOwnership.class);
        PartitionOwnership ownsSecond = second.getBean(PartitionOwnership.class);
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> !ownsFirst.partitions().isEmpty()
                && !ownsSecond.partitions().isEmpty()
                && ownsFirst.partitions().size() + ownsSecond.partitions().size() == 6);
        assertThat(ownsFirst.partitions()).doesNotContainAnyElementsOf(ownsSecond.partitions());
        var recorder = PollerTestSupport.recorder();
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        List<String> codes = IntStream.rangeClosed(1, 500).mapToObj(i -> PollerTestSupport.code("SC", i)).toList();
        codes.forEach(c -> SRO.event(c, "PO", "01", "Objeto postado", DAY.plusHours(1), "SAO PAULO", "SP"));
        PollerTestSupport.register(first.getBean(EventPublisher.class), codes);
        PollerTestSupport.awaitTracked(jdbc, codes);

        PollingCycle cycleOfFirst = first.getBean(PollingCycle.class);
        PollingCycle cycleOfSecond = second.getBean(PollingCycle.class);
        // own platform threads: the common pool may have a single worker, which the HTTP client also needs
        int polledByFirst;
        int polledBySecond;
        try (ExecutorService both = Executors.newFixedThreadPool(2)) {
            var one = CompletableFuture.supplyAsync(cycleOfFirst::runOnce, both);
            var two = CompletableFuture.supplyAsync(cycleOfSecond::runOnce, both);
            polledByFirst = one.join().codes();
            polledBySecond = two.join().codes();
        }

        assertThat(polledByFirst).isPositive();
        assertThat(polledBySecond).isPositive();
        assertThat(polledByFirst + polledBySecond).isEqualTo(500);
        assertEveryCodeAskedExactlyOnce(codes);
        Map<String, String> pollers = pollers(jdbc, codes);
        assertThat(Set.copyOf(pollers.values()))
                .containsExactlyInAnyOrder(cycleOfFirst.instance(), cycleOfSecond.instance());
        assertMilestoneOnceEach(recorder, codes, Milestone.POSTED, jdbc);

        second.close();
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> ownsFirst.partitions().size() == 6);
        SRO.forgetRequests();
        codes.forEach(c -> SRO.event(c, "RO", "01", "Objeto em trânsito - por favor aguarde", DAY.plusHours(2),
                "CAJAMAR", "SP"));
        TestClock.SHARED.advance(Duration.ofMinutes(30));

        assertThat(cycleOfFirst.runOnce().codes()).isEqualTo(500);

        assertEveryCodeAskedExactlyOnce(codes);
        assertThat(Set.copyOf(pollers(jdbc, codes).values())).containsExactly(cycleOfFirst.instance());
        assertMilestoneOnceEach(recorder, codes, Milestone.IN_TRANSIT, jdbc);
        assertThat(recorder.events(ShipmentStatusChanged.class).stream()
                        .filter(e -> e.milestone() == Milestone.POSTED && codes.contains(e.trackingCode())))
                .as("the survivor saw the stopped instance's answers again and re-published none of them")
                .hasSize(codes.size());
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TrackingApplication.class, PollerTestSupport.ClockConfiguration.class)
                .web(WebApplicationType.NONE)
                .initializers(new InfrastructureInitializer())
                .properties(
                        "tracking.poll.enabled=false",
                        "correios.base-url=" + PollerTestSupport.CORREIOS.baseUrl(),
                        "correios.username=techassist",
                        "correios.access-code=test-access-code",
                        "correios.postcard=0067599079")
                .run();
    }

    private static void assertEveryCodeAskedExactlyOnce(List<String> codes) {
        Map<String, Long> asked = SRO.requests().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(asked.keySet()).containsExactlyInAnyOrderElementsOf(codes);
        assertThat(asked.values()).as("no object is polled twice in a cycle").allMatch(n -> n == 1);
    }

    private static Map<String, String> pollers(JdbcClient jdbc, List<String> codes) {
        return jdbc.sql("SELECT tracking_code, polled_by FROM tracked_object WHERE tracking_code IN (:codes)")
                .param("codes", codes)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static void assertMilestoneOnceEach(br.com.techassist.shipments.testsupport.TopicRecorder recorder,
            List<String> codes, Milestone milestone, JdbcClient jdbc) {
        Set<String> expected = new HashSet<>(codes);
        recorder.await(ShipmentStatusChanged.class,
                e -> expected.contains(e.trackingCode()) && e.milestone() == milestone, codes.size(),
                Duration.ofSeconds(120));
        PollerTestSupport.awaitOutboxDrained(jdbc);
        List<ShipmentStatusChanged> changes = recorder.events(ShipmentStatusChanged.class).stream()
                .filter(e -> expected.contains(e.trackingCode()) && e.milestone() == milestone).toList();
        assertThat(changes).hasSize(codes.size());
        assertThat(changes).extracting(ShipmentStatusChanged::trackingCode).doesNotHaveDuplicates();
    }
}
