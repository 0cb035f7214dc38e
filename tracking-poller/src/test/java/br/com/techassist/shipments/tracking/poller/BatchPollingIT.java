package br.com.techassist.shipments.tracking.poller;

import static br.com.techassist.shipments.tracking.poller.PollerTestSupport.SRO;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.ShipmentStatusChanged;
import br.com.techassist.shipments.support.kafka.EventPublisher;
import br.com.techassist.shipments.testsupport.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A full cycle at volume: 1,000 due objects, 20 requests of 50 codes, every milestone published once. */
@IntegrationTest(properties = {
    "tracking.poll.enabled=false",
    "correios.username=techassist",
    "correios.access-code=test-access-code",
    "correios.postcard=0067599079"
})
@Import(PollerTestSupport.ClockConfiguration.class)
class BatchPollingIT {

    private static final LocalDateTime DAY = LocalDateTime.of(2026, 11, 27, 8, 0);

    @DynamicPropertySource
    static void correios(DynamicPropertyRegistry registry) {
        PollerTestSupport.correiosProperties(registry);
    }

    @Autowired PollingCycle cycle;
    @Autowired EventPublisher publisher;
    @Autowired JdbcClient jdbc;
    @Autowired PartitionOwnership ownership;
    @Autowired MeterRegistry meters;

    @Test
    void aThousandDueObjectsArePolledInExactlyTwentyRequestsAndEachMilestoneIsPublishedOnce() {
        PollerTestSupport.awaitAllPartitions(ownership);
        var recorder = PollerTestSupport.recorder();
        List<String> codes = IntStream.rangeClosed(1, 1000).mapToObj(i -> PollerTestSupport.code("TH", i)).toList();
        for (String code : codes) {
            SRO.event(code, "PO", "01", "Objeto postado", DAY.plusHours(1), "SAO PAULO", "SP");
            SRO.event(code, "RO", "01", "Objeto em trânsito - por favor aguarde", DAY.plusHours(2), "CAJAMAR", "SP");
        }
        PollerTestSupport.register(publisher, codes);
        PollerTestSupport.awaitTracked(jdbc, codes);

        PollingCycle.Result result = cycle.runOnce();

        assertThat(result.requests()).isEqualTo(20);
        assertThat(SRO.requests()).hasSize(20).allSatisfy(batch -> assertThat(batch).hasSize(50));
        Map<String, Long> asked = SRO.requests().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(asked.keySet()).containsExactlyInAnyOrderElementsOf(codes);
        assertThat(asked.values()).allMatch(n -> n == 1);

        Set<String> expected = new HashSet<>(codes);
        recorder.await(ShipmentStatusChanged.class, e -> expected.contains(e.trackingCode()), 2000,
                Duration.ofSeconds(120));
        PollerTestSupport.awaitOutboxDrained(jdbc);
        List<ShipmentStatusChanged> changes = recorder.events(ShipmentStatusChanged.class).stream()
                .filter(e -> expected.contains(e.trackingCode())).toList();
        assertThat(changes).hasSize(2000).extracting(ShipmentStatusChanged::eventId).doesNotHaveDuplicates();
        Map<String, List<Milestone>> byCode = changes.stream().collect(Collectors.groupingBy(
                ShipmentStatusChanged::trackingCode, Collectors.mapping(ShipmentStatusChanged::milestone,
                        Collectors.toList())));
        assertThat(byCode.values()).allSatisfy(m -> assertThat(m).containsExactly(Milestone.POSTED, Milestone.IN_TRANSIT));

        assertThat(cycle.runOnce().requests()).as("nothing is due again before the minimum interval").isZero();
        assertThat(meters.summary("tracking.rastro.codes.per.request").totalAmount()).isEqualTo(1000);
        assertThat(meters.get("tracking.objects").tag("milestone", "IN_TRANSIT").tag("polling", "true").gauge().value()).isEqualTo(1000);
    }
}
