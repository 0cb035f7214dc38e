package br.com.techassist.shipments.tracking.poller;

import static br.com.techassist.shipments.tracking.poller.PollerTestSupport.SRO;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.ShipmentStatusChanged;
import br.com.techassist.shipments.support.kafka.EventPublisher;
import br.com.techassist.shipments.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on its own, as in a demo: the polling loop runs on the real clock with
 * {@code TRACKING_TIME_SCALE=0.001} (30 min become 1.8 s, the 10 min floor 0.6 s).
 */
@IntegrationTest(properties = {
    "tracking.time-scale=0.001",
    "correios.username=techassist",
    "correios.access-code=test-access-code",
    "correios.postcard=0067599079"
})
class AutomaticPollingIT {

    @DynamicPropertySource
    static void correios(DynamicPropertyRegistry registry) {
        PollerTestSupport.correiosProperties(registry);
    }

    @Autowired EventPublisher publisher;
    @Autowired JdbcClient jdbc;
    @Autowired PartitionOwnership ownership;
    @Autowired TrackedObjects objects;

    @Test
    void theLoopFollowsAParcelToDeliveryOnAScaledSchedule() {
        PollerTestSupport.awaitAllPartitions(ownership);
        var recorder = PollerTestSupport.recorder();
        String code = PollerTestSupport.code("AU", 1);
        LocalDateTime now = LocalDateTime.now(ZoneId.of("America/Sao_Paulo"));
        SRO.event(code, "PO", "01", "Objeto postado", now.minusHours(1), "SAO PAULO", "SP");
        PollerTestSupport.register(publisher, List.of(code));

        recorder.await(ShipmentStatusChanged.class, e -> code.equals(e.trackingCode()), 1, Duration.ofSeconds(60));
        SRO.event(code, "RO", "01", "Objeto em trânsito - por favor aguarde", now, "CAJAMAR", "SP");
        recorder.await(ShipmentStatusChanged.class, e -> code.equals(e.trackingCode()), 2, Duration.ofSeconds(60));
        SRO.event(code, "OEC", "01", "Objeto saiu para entrega ao destinatário", now, "CAMPINAS", "SP");
        recorder.await(ShipmentStatusChanged.class, e -> code.equals(e.trackingCode()), 3, Duration.ofSeconds(60));
        SRO.event(code, "BDE", "01", "Objeto entregue ao destinatário", now, "CAMPINAS", "SP");

        var changes = PollerTestSupport.changesOf(code, 4, jdbc);
        assertThat(changes).extracting(ShipmentStatusChanged::milestone).containsExactly(Milestone.POSTED,
                Milestone.IN_TRANSIT, Milestone.OUT_FOR_DELIVERY, Milestone.DELIVERED);
        Awaitility.await().until(() -> !objects.find(code).orElseThrow().active());
        long asked = SRO.timesAskedFor(code);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> SRO.timesAskedFor(code) == asked);
    }
}
