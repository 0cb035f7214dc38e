package br.com.techassist.shipments.tracking.poller;

import static br.com.techassist.shipments.model.Milestone.AWAITING_PICKUP;
import static br.com.techassist.shipments.model.Milestone.DELIVERED;
import static br.com.techassist.shipments.model.Milestone.IN_TRANSIT;
import static br.com.techassist.shipments.model.Milestone.OUT_FOR_DELIVERY;
import static br.com.techassist.shipments.model.Milestone.POSTED;
import static br.com.techassist.shipments.model.Milestone.PRE_POSTED;
import static br.com.techassist.shipments.model.Milestone.RETURNED;
import static br.com.techassist.shipments.model.Milestone.RETURNING;
import static br.com.techassist.shipments.tracking.poller.PollerTestSupport.CORREIOS;
import static br.com.techassist.shipments.tracking.poller.PollerTestSupport.SRO;
import static br.com.techassist.shipments.tracking.poller.PollerTestSupport.alertsOf;
import static br.com.techassist.shipments.tracking.poller.PollerTestSupport.changesOf;
import static br.com.techassist.shipments.tracking.poller.PollerTestSupport.code;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.including;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.Address;
import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.ShipmentAlert.AlertType;
import br.com.techassist.shipments.model.ShipmentStatusChanged;
import br.com.techassist.shipments.support.kafka.EventPublisher;
import br.com.techassist.shipments.testsupport.IntegrationTest;
import br.com.techassist.shipments.testsupport.MovableClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parcel lifecycles end to end: registration from Kafka, polling through the real Correios client
 * against a fake SRO Rastro in the real wire format, milestone changes and alerts read back from the
 * broker. The test drives the cycles and the clock by hand.
 */
@IntegrationTest(properties = {
    "tracking.poll.enabled=false",
    "tracking.poll.concurrency=1",
    "correios.username=techassist",
    "correios.access-code=test-access-code",
    "correios.postcard=0067599079",
    "correios.retry.max-attempts=2",
    "correios.retry.initial-backoff=10ms",
    "correios.retry.max-backoff=20ms",
    "correios.circuit-breaker.minimum-number-of-calls=100",
    "correios.circuit-breaker.sliding-window-size=100"
})
@Import(PollerTestSupport.ClockConfiguration.class)
class TrackingLifecycleIT {

    private static final MovableClock CLOCK = TestClock.SHARED;
    private static final LocalDateTime DAY = LocalDateTime.of(2026, 11, 27, 8, 0);

    @DynamicPropertySource
    static void correios(DynamicPropertyRegistry registry) {
        PollerTestSupport.correiosProperties(registry);
    }

    @Autowired PollingCycle cycle;
    @Autowired EventPublisher publisher;
    @Autowired JdbcClient jdbc;
    @Autowired PartitionOwnership ownership;
    @Autowired TrackedObjects objects;
    @Autowired MeterRegistry meters;

    @BeforeEach
    void thisInstanceOwnsEveryPartition() {
        PollerTestSupport.awaitAllPartitions(ownership);
        PollerTestSupport.recorder();
    }

    @Test
    void aNormalParcelIsPostedMovesGoesOutForDeliveryAndIsDeliveredEachMilestoneOnce() {
        String code = track("NL", 1);
        SRO.event(code, "PO", "01", "Objeto postado", DAY.plusHours(1), "LONDRINA", "PR");
        cycle.runOnce();
        ShipmentStatusChanged posted = changesOf(code, 1, jdbc).getFirst();
        assertThat(posted.milestone()).isEqualTo(POSTED);
        assertThat(posted.previousMilestone()).isEqualTo(PRE_POSTED);
        assertThat(posted.correiosEvent().occurredAt()).isEqualTo(OffsetDateTime.parse("2026-11-27T09:00:00-03:00"));
        assertThat(posted.correiosEvent().unit().city()).isEqualTo("LONDRINA");
        assertThat(posted.correiosEvent().unit().state()).isEqualTo("PR");
        assertThat(posted.expectedDelivery()).isEqualTo(OffsetDateTime.parse("2026-12-10T23:59:00-03:00"));
        assertThat(posted.eventId()).isEqualTo(ShipmentStatusChanged.idFor(code, POSTED, posted.correiosEvent()));

        SRO.event(code, "RO", "01", "Objeto em transferência - por favor aguarde", DAY.plusHours(2), "CURITIBA", "PR");
        CLOCK.advance(Duration.ofMinutes(20));
        cycle.runOnce();
        assertThat(SRO.timesAskedFor(code)).as("a posted object waits 30 minutes").isEqualTo(1);
        CLOCK.advance(Duration.ofMinutes(10));
        cycle.runOnce();
        assertThat(changesOf(code, 2, jdbc).getLast().milestone()).isEqualTo(IN_TRANSIT);

        SRO.event(code, "OEC", "01", "Objeto saiu para entrega ao destinatário", DAY.plusHours(3), "CURITIBA", "PR");
        CLOCK.advance(Duration.ofMinutes(30));
        cycle.runOnce();
        assertThat(changesOf(code, 3, jdbc).getLast().milestone()).isEqualTo(OUT_FOR_DELIVERY);

        SRO.event(code, "BDE", "01", "Objeto entregue ao destinatário", DAY.plusHours(4), "CURITIBA", "PR");
        CLOCK.advance(Duration.ofMinutes(10));
        cycle.runOnce();
        List<ShipmentStatusChanged> changes = changesOf(code, 4, jdbc);
        assertThat(changes).extracting(ShipmentStatusChanged::milestone)
                .containsExactly(POSTED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED);
        assertThat(changes.getLast().terminal()).isTrue();
        assertThat(changes.getLast().previousMilestone()).isEqualTo(OUT_FOR_DELIVERY);
        assertThat(objects.find(code).orElseThrow().active()).isFalse();
        assertThat(meters.get("tracking.objects").tags("milestone", "DELIVERED", "polling", "false").gauge().value())
                .isPositive();

        CLOCK.advance(Duration.ofHours(1));
        cycle.runOnce();
        assertThat(SRO.timesAskedFor(code)).as("a delivered object is not polled again").isEqualTo(4);
    }

    @Test
    void theOfficialManualExampleInOneAnswerGivesEveryMilestoneOnceOldestFirst() throws IOException {
        String code = "DG049186226BR";
        var manual = JsonMapper.builder().build()
                .readTree(getClass().getResourceAsStream("/sro-rastro/manual-example.json"));
        SRO.raw(code, manual.get("objetos").get(0).toString());
        PollerTestSupport.register(publisher, List.of(code));
        PollerTestSupport.awaitTracked(jdbc, List.of(code));

        cycle.runOnce();

        List<ShipmentStatusChanged> changes = changesOf(code, 4, jdbc);
        assertThat(changes).extracting(ShipmentStatusChanged::milestone)
                .containsExactly(POSTED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED);
        assertThat(changes).extracting(ShipmentStatusChanged::previousMilestone)
                .containsExactly(PRE_POSTED, POSTED, IN_TRANSIT, OUT_FOR_DELIVERY);
        assertThat(changes.get(0).correiosEvent().occurredAt())
                .isEqualTo(OffsetDateTime.parse("2022-03-10T19:10:36-03:00"));
        assertThat(changes.get(1).correiosEvent().unit().city()).isEqualTo("BRASILIA");
        assertThat(changes.get(1).correiosEvent().destinationUnit().city()).isEqualTo("APARECIDA DE GOIANIA");
        assertThat(changes.get(2).correiosEvent().detail()).startsWith("Aguarde envio de link");
        assertThat(changes.get(3).correiosEvent().description()).isEqualTo("Objeto entregue ao destinatário");
        assertThat(changes.get(3).expectedDelivery()).isEqualTo(OffsetDateTime.parse("2022-03-11T20:58:00-03:00"));
        assertThat(changes).extracting(ShipmentStatusChanged::eventId).doesNotHaveDuplicates();
    }

    @Test
    void estRetractsAnEventBeforeItIsPublishedAndCorrectsOneAlreadyPublished() {
        String early = track("ES", 1);
        SRO.event(early, "PO", "01", "Objeto postado", DAY.plusHours(1), "SAO PAULO", "SP");
        SRO.event(early, "OEC", "01", "Objeto saiu para entrega ao destinatário", DAY.plusHours(2), "SAO PAULO", "SP");
        SRO.event(early, "BDE", "01", "Objeto entregue ao destinatário", DAY.plusHours(3), "SAO PAULO", "SP");
        SRO.event(early, "EST", "01", "Favor desconsiderar a informação anterior", DAY.plusHours(3).plusMinutes(5),
                "SAO PAULO", "SP");
        String late = track("ES", 2);
        SRO.event(late, "PO", "01", "Objeto postado", DAY.plusHours(1), "SAO PAULO", "SP");
        SRO.event(late, "RO", "01", "Objeto em trânsito - por favor aguarde", DAY.plusHours(2), "SAO PAULO", "SP");
        cycle.runOnce();
        assertThat(changesOf(early, 2, jdbc)).extracting(ShipmentStatusChanged::milestone)
                .containsExactly(POSTED, OUT_FOR_DELIVERY);
        assertThat(changesOf(late, 2, jdbc).getLast().milestone()).isEqualTo(IN_TRANSIT);

        SRO.event(early, "BDE", "01", "Objeto entregue ao destinatário", DAY.plusHours(4), "SAO PAULO", "SP");
        SRO.event(late, "EST", "01", "Favor desconsiderar a informação anterior", DAY.plusHours(3), "SAO PAULO", "SP");
        CLOCK.advance(Duration.ofMinutes(30));
        cycle.runOnce();

        ShipmentStatusChanged delivered = changesOf(early, 3, jdbc).getLast();
        assertThat(delivered.milestone()).isEqualTo(DELIVERED);
        assertThat(delivered.correiosEvent().occurredAt()).isEqualTo(OffsetDateTime.parse("2026-11-27T12:00:00-03:00"));
        ShipmentStatusChanged correction = changesOf(late, 3, jdbc).getLast();
        assertThat(correction.milestone()).isEqualTo(POSTED);
        assertThat(correction.previousMilestone()).isEqualTo(IN_TRANSIT);
        assertThat(correction.correiosEvent().code()).isEqualTo("EST");
    }

    @Test
    void anObjectNotFoundYetIsPolledHourlyUntilCorreiosKnowsIt() {
        String code = track("NF", 1);
        SRO.notFound(code);
        cycle.runOnce();
        assertThat(SRO.timesAskedFor(code)).isEqualTo(1);

        // due again in 55-65 minutes (aligned to a 10-minute slot): 30 minutes later it is neither due nor
        // within the 20-minute fill-ahead window
        CLOCK.advance(Duration.ofMinutes(30));
        cycle.runOnce();
        assertThat(SRO.timesAskedFor(code)).as("SRO-020 is polled hourly").isEqualTo(1);

        SRO.event(code, "PO", "01", "Objeto postado", DAY.plusHours(2), "RECIFE", "PE");
        CLOCK.advance(Duration.ofMinutes(30));
        cycle.runOnce();
        assertThat(SRO.timesAskedFor(code)).isEqualTo(2);
        assertThat(changesOf(code, 1, jdbc).getFirst().milestone()).isEqualTo(POSTED);
        assertThat(alertsOf(code)).isEmpty();
    }

    @Test
    void anInvalidObjectStopsPollingWithAnAlert() {
        String code = track("IV", 1);
        SRO.invalid(code);
        cycle.runOnce();

        ShipmentAlert alert = PollerTestSupport.recorder().await(ShipmentAlert.class,
                a -> code.equals(a.trackingCode()), 1, Duration.ofSeconds(30)).getFirst();
        assertThat(alert.type()).isEqualTo(AlertType.INVALID_TRACKING_CODE);
        assertThat(alert.message()).contains("SRO-019");
        assertThat(objects.find(code).orElseThrow().active()).isFalse();

        CLOCK.advance(Duration.ofHours(2));
        cycle.runOnce();
        assertThat(SRO.timesAskedFor(code)).isEqualTo(1);
        assertThat(PollerTestSupport.eventsOf(ShipmentStatusChanged.class, code)).isEmpty();
    }

    @Test
    void awaitingPickupCarriesTheAddressIsPolledEverySixHoursAndEndsDelivered() {
        String code = track("PK", 1);
        SRO.event(code, "PO", "01", "Objeto postado", DAY.plusHours(1), "SAO PAULO", "SP");
        SRO.event(code, "LDI", "01", "Objeto aguardando retirada no endereço indicado", DAY.plusHours(2),
                pickupUnit());
        cycle.runOnce();
        ShipmentStatusChanged pickup = changesOf(code, 2, jdbc).getLast();
        assertThat(pickup.milestone()).isEqualTo(AWAITING_PICKUP);
        assertThat(pickup.correiosEvent().unit().address())
                .isEqualTo(new Address("RUA PIAUI", "399", null, "CENTRO", "LONDRINA", "PR", "86010420"));

        SRO.event(code, "BDE", "01", "Objeto entregue ao destinatário", DAY.plusHours(5), "LONDRINA", "PR");
        CLOCK.advance(Duration.ofHours(5));
        cycle.runOnce();
        assertThat(SRO.timesAskedFor(code)).as("awaiting pickup is polled every 6 h").isEqualTo(1);
        CLOCK.advance(Duration.ofHours(1));
        cycle.runOnce();

        assertThat(changesOf(code, 3, jdbc).getLast().milestone()).isEqualTo(DELIVERED);
    }

    @Test
    void awaitingPickupNotCollectedGoesBackToTheSenderWithAnAlert() {
        String code = track("PK", 2);
        SRO.event(code, "PO", "01", "Objeto postado", DAY.plusHours(1), "SAO PAULO", "SP");
        SRO.event(code, "LDI", "01", "Objeto aguardando retirada no endereço indicado", DAY.plusHours(2),
                pickupUnit());
        cycle.runOnce();
        changesOf(code, 2, jdbc);

        SRO.event(code, "BDE", "26", "Objeto não retirado no prazo - será devolvido ao remetente",
                DAY.plusHours(3), "LONDRINA", "PR");
        CLOCK.advance(Duration.ofHours(6));
        cycle.runOnce();
        assertThat(changesOf(code, 3, jdbc).getLast().milestone()).isEqualTo(RETURNING);

        SRO.event(code, "BDE", "23", "Objeto devolvido ao remetente", DAY.plusHours(4), "SAO PAULO", "SP");
        CLOCK.advance(Duration.ofMinutes(30));
        cycle.runOnce();
        ShipmentStatusChanged returned = changesOf(code, 4, jdbc).getLast();
        assertThat(returned.milestone()).isEqualTo(RETURNED);
        assertThat(returned.terminal()).isTrue();
        assertThat(returned.deliveryReversed()).isFalse();
        assertThat(alertsOf(code)).extracting(ShipmentAlert::type).containsExactly(AlertType.RETURNED);
        assertThat(objects.find(code).orElseThrow().active()).isFalse();
    }

    @Test
    void aReturnAfterDeliveryIsMarkedReversedAndAlerted() {
        String code = track("RV", 1);
        SRO.event(code, "PO", "01", "Objeto postado", DAY.plusHours(1), "SAO PAULO", "SP");
        SRO.event(code, "BDE", "01", "Objeto entregue ao destinatário", DAY.plusHours(2), "CAMPINAS", "SP");
        SRO.event(code, "BDE", "04", "Objeto recusado - será devolvido ao remetente", DAY.plusHours(3), "CAMPINAS",
                "SP");
        cycle.runOnce();

        List<ShipmentStatusChanged> changes = changesOf(code, 3, jdbc);
        assertThat(changes).extracting(ShipmentStatusChanged::milestone).containsExactly(POSTED, DELIVERED, RETURNING);
        assertThat(changes).extracting(ShipmentStatusChanged::deliveryReversed).containsExactly(false, false, true);
        PollerTestSupport.recorder().await(ShipmentAlert.class, a -> code.equals(a.trackingCode()), 1,
                Duration.ofSeconds(30));
        assertThat(alertsOf(code)).extracting(ShipmentAlert::type).containsExactly(AlertType.DELIVERY_REVERSED);
        assertThat(objects.find(code).orElseThrow().active()).as("a returning object is still polled").isTrue();
    }

    @Test
    void anUnknownEventPairIsAlertedOnceCountedAndPollingContinues() {
        String code = track("UK", 1);
        SRO.event(code, "PO", "01", "Objeto postado", DAY.plusHours(1), "SAO PAULO", "SP");
        SRO.event(code, "QQX", "77", "Objeto em situação nova", DAY.plusHours(2), "SAO PAULO", "SP");
        cycle.runOnce();
        assertThat(changesOf(code, 1, jdbc).getFirst().milestone()).isEqualTo(POSTED);
        ShipmentAlert unknown = PollerTestSupport.recorder().await(ShipmentAlert.class,
                a -> code.equals(a.trackingCode()), 1, Duration.ofSeconds(30)).getFirst();
        assertThat(unknown.type()).isEqualTo(AlertType.UNKNOWN_EVENT_CODE);
        assertThat(unknown.details()).containsEntry("code", "QQX").containsEntry("type", "77");

        CLOCK.advance(Duration.ofMinutes(30));
        cycle.runOnce();
        SRO.event(code, "RO", "01", "Objeto em trânsito - por favor aguarde", DAY.plusHours(3), "SAO PAULO", "SP");
        CLOCK.advance(Duration.ofMinutes(30));
        cycle.runOnce();

        assertThat(changesOf(code, 2, jdbc).getLast().milestone()).isEqualTo(IN_TRANSIT);
        assertThat(alertsOf(code)).hasSize(1);
        assertThat(meters.counter("tracking.unknown.events", "code", "QQX", "type", "77").count()).isEqualTo(1.0);
    }

    @Test
    void correiosFailingWith503And429InTheMiddleOfACycleIsCaughtUpWithoutDuplicates() {
        List<String> codes = IntStream.rangeClosed(1, 150).mapToObj(i -> code("RL", i)).toList();
        PollerTestSupport.register(publisher, codes);
        PollerTestSupport.awaitTracked(jdbc, codes);
        codes.forEach(c -> SRO.event(c, "PO", "01", "Objeto postado", DAY.plusHours(1), "SAO PAULO", "SP"));
        var serverError = CORREIOS.stubFor(get(urlPathEqualTo(FakeSroRastro.PATH)).atPriority(1)
                .withQueryParam("codigosObjetos", including(codes.get(60)))
                .willReturn(aResponse().withStatus(503).withBody("{\"msgs\":[\"Serviço indisponível\"]}")));
        var rateLimited = CORREIOS.stubFor(get(urlPathEqualTo(FakeSroRastro.PATH)).atPriority(1)
                .withQueryParam("codigosObjetos", including(codes.get(120)))
                .willReturn(aResponse().withStatus(429)));

        PollingCycle.Result first = cycle.runOnce();
        assertThat(first.interrupted()).isTrue();
        var failedBatch = objects.find(codes.get(60)).orElseThrow();
        assertThat(failedBatch.nextPollAt()).as("an unanswered object is retried after the minimum interval")
                .isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(10)));

        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(cycle.runOnce().interrupted()).isTrue();

        CORREIOS.removeStub(serverError);
        CORREIOS.removeStub(rateLimited);
        CLOCK.advance(Duration.ofMinutes(10));
        assertThat(cycle.runOnce().interrupted()).isFalse();

        for (String code : codes) {
            assertThat(changesOf(code, 1, jdbc).getFirst().milestone()).isEqualTo(Milestone.POSTED);
            assertThat(alertsOf(code)).isEmpty();
        }
        assertThat(CORREIOS.getAllServeEvents()).filteredOn(e -> e.getResponse().getStatus() == 503)
                .as("the client retried once, then the cycle stopped").hasSize(2);
        assertThat(CORREIOS.getAllServeEvents()).filteredOn(e -> e.getResponse().getStatus() == 429).hasSize(2);
        assertThat(meters.timer("tracking.rastro.requests", "outcome", "unavailable").count()).isEqualTo(2);
    }

    @Test
    void objectsMissingFromAnAnswerAreRetriedNotDropped() {
        String first = track("MS", 1);
        String missing = track("MS", 2);
        for (String code : List.of(first, missing)) {
            SRO.event(code, "PO", "01", "Objeto postado", DAY.plusHours(1), "NATAL", "RN");
        }
        SRO.omit(missing, true);
        cycle.runOnce();
        changesOf(first, 1, jdbc);
        assertThat(PollerTestSupport.eventsOf(ShipmentStatusChanged.class, missing)).isEmpty();
        var row = objects.find(missing).orElseThrow();
        assertThat(row.active()).isTrue();
        assertThat(row.nextPollAt()).isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(10)));

        SRO.omit(missing, false);
        CLOCK.advance(Duration.ofMinutes(10));
        cycle.runOnce();

        assertThat(changesOf(missing, 1, jdbc).getFirst().milestone()).isEqualTo(POSTED);
        assertThat(changesOf(first, 1, jdbc)).hasSize(1);
    }

    private String track(String prefix, int n) {
        String code = code(prefix, n);
        PollerTestSupport.register(publisher, List.of(code));
        PollerTestSupport.awaitTracked(jdbc, List.of(code));
        return code;
    }

    private static Map<String, Object> pickupUnit() {
        return FakeSroRastro.unit("Agência dos Correios", "LONDRINA", "PR",
                Map.of("logradouro", "RUA PIAUI", "numero", "399", "bairro", "CENTRO", "cep", "86010420"));
    }
}
