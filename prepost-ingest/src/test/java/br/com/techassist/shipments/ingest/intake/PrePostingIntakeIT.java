package br.com.techassist.shipments.ingest.intake;

import static br.com.techassist.shipments.ingest.FakeCorreios.LIST_PATH;
import static br.com.techassist.shipments.ingest.FakeCorreios.TOKEN_PATH;
import static br.com.techassist.shipments.ingest.FakeCorreios.codes;
import static br.com.techassist.shipments.ingest.FakeCorreios.item;
import static br.com.techassist.shipments.ingest.FakeCorreios.json;
import static br.com.techassist.shipments.ingest.FakeCorreios.listing;
import static br.com.techassist.shipments.ingest.FakeCorreios.page;
import static br.com.techassist.shipments.ingest.FakeCorreios.tokenAnswer;
import static br.com.techassist.shipments.ingest.FakeCorreios.tokenRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import br.com.techassist.shipments.correios.CorreiosException;
import br.com.techassist.shipments.correios.CorreiosTokenProvider;
import br.com.techassist.shipments.ingest.FakeCorreios;
import br.com.techassist.shipments.ingest.IngestIntegrationTest;
import br.com.techassist.shipments.ingest.registration.MaskedRegistration;
import br.com.techassist.shipments.ingest.registration.Registrations;
import br.com.techassist.shipments.model.Address;
import br.com.techassist.shipments.model.ContentItem;
import br.com.techassist.shipments.model.Phone;
import br.com.techassist.shipments.model.Recipient;
import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.support.audit.AuditTrail;
import br.com.techassist.shipments.support.outbox.OutboxRelay;
import br.com.techassist.shipments.testsupport.MovableClock;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IngestIntegrationTest
class PrePostingIntakeIT {

    static final Duration DAY = Duration.ofDays(1);

    @Autowired
    PrePostingIntake intake;

    @Autowired
    PrePostingPollJob job;

    @Autowired
    CorreiosTokenProvider tokens;

    @Autowired
    OutboxRelay relay;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Registrations registrations;

    @Autowired
    AuditTrail audit;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MovableClock clock;

    final WireMockServer correios = FakeCorreios.server();

    @BeforeEach
    void freshCorreios() {
        clock.set(Instant.now());
        correios.resetAll();
        tokens.evict();
        correios.stubFor(tokenRequest().willReturn(tokenAnswer("tok-1", DAY)));
        correios.stubFor(listing("POSTADO", 0).willReturn(page(List.of(), 0, false)));
    }

    @Test
    void onePollPublishesEveryUsableNewCodeOnceAndASecondPollNone() {
        List<String> good = codes("PA", 10_000_000, 245);
        List<Map<String, Object>> items = new ArrayList<>();
        good.forEach(code -> items.add(item(code, items.size())));
        List<Map<String, Object>> unusable = unusableItems();
        for (int i = 0; i < unusable.size(); i++) {
            items.add(40 * i + 7, unusable.get(i)); // spread over the three pages
        }
        serve("PREPOSTADO", items);
        double newBefore = meters.get("ingest.prepostings.new").counter().count();

        try (var recorder = TopicRecorder.start(Topics.REGISTERED, Topics.ALERTS)) {
            PollSummary first = intake.poll();

            assertThat(first).isEqualTo(new PollSummary(4, 250, 245, 5, 5));
            var events = recorder.await(ShipmentRegistered.class, e -> good.contains(e.trackingCode()), 245,
                    Duration.ofSeconds(60));
            assertThat(events).extracting(ShipmentRegistered::trackingCode).containsExactlyInAnyOrderElementsOf(good);
            assertThat(events).allSatisfy(e -> assertThat(e.eventId()).isEqualTo(ShipmentRegistered.idFor(e.trackingCode())));
            assertSampleMapped(events.stream().filter(e -> e.trackingCode().equals(good.getFirst())).findFirst().orElseThrow());
            var alerts = recorder.await(ShipmentAlert.class,
                    a -> a.type() == ShipmentAlert.AlertType.REJECTED_PRE_POSTING
                            && a.details().getOrDefault("prePostingId", "").startsWith("PRX-PA"), 5,
                    Duration.ofSeconds(30));
            assertThat(alerts).extracting(a -> a.details().get("reason")).containsExactlyInAnyOrder(
                    "MISSING_CODE", "INVALID_CODE", "UNPARSEABLE", "NO_RECIPIENT", "NO_RECIPIENT");

            PollSummary second = intake.poll();

            assertThat(second).isEqualTo(new PollSummary(4, 250, 0, 5, 0));
            awaitOutboxEmpty();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                    recorder.events(ShipmentRegistered.class).stream().filter(e -> good.contains(e.trackingCode()))
                            .count() == 245
                    && recorder.events(ShipmentAlert.class).stream()
                            .filter(a -> a.details().getOrDefault("prePostingId", "").startsWith("PRX-PA")).count() == 5);
        }
        correios.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertThat(meters.get("ingest.prepostings.new").counter().count() - newBefore).isEqualTo(245);
        assertThat(meters.get("ingest.prepostings.rejected").tag("reason", "NO_RECIPIENT").counter().count())
                .isGreaterThanOrEqualTo(2);
        assertThat(meters.get("ingest.poll.last.success").gauge().value())
                .isGreaterThan(Instant.now().minusSeconds(120).getEpochSecond());
        assertThat(meters.get("correios.requests").tags("api", "prepostagem", "outcome", "SUCCESS", "status", "200")
                .timer().count()).isGreaterThanOrEqualTo(8);
        assertThat(meters.get("correios.circuit.state").tags("api", "prepostagem", "state", "closed").gauge().value())
                .isEqualTo(1);
        var rejects = jdbc.sql("SELECT pre_posting_id, reason, detail, raw_item, times_seen FROM rejected_pre_posting "
                        + "WHERE pre_posting_id LIKE 'PRX-PA%' ORDER BY pre_posting_id")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
        assertThat(rejects).extracting(r -> r.get(0) + " " + r.get(1) + " x" + r.get(4)).containsExactly(
                "PRX-PA-1 MISSING_CODE x2", "PRX-PA-2 INVALID_CODE x2", "PRX-PA-3 UNPARSEABLE x2",
                "PRX-PA-4 NO_RECIPIENT x2", "PRX-PA-5 NO_RECIPIENT x2");
        assertThat(rejects.get(1).get(2)).contains("check digit");
        assertThat(rejects.get(2).get(2)).contains("ontem");
        assertThat(rejects).allSatisfy(r -> assertThat(r.get(3)).contains("\"id\":\"" + r.get(0) + "\""));
    }

    @Test
    void aCodeListedTwiceInOnePageIsRegisteredOnceWithItsFirstEntry() {
        List<String> codes = codes("PD", 10_000_000, 3);
        List<Map<String, Object>> items = new ArrayList<>(List.of(item(codes.get(0), 0), item(codes.get(1), 1),
                item(codes.get(0), 2), item(codes.get(2), 3)));
        serve("PREPOSTADO", items);

        try (var recorder = TopicRecorder.start(Topics.REGISTERED)) {
            PollSummary summary = intake.poll();

            assertThat(summary.registered()).isEqualTo(3);
            var events = recorder.await(ShipmentRegistered.class, e -> codes.contains(e.trackingCode()), 3,
                    Duration.ofSeconds(30));
            awaitOutboxEmpty();
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> recorder
                    .events(ShipmentRegistered.class).stream().filter(e -> codes.contains(e.trackingCode())).count() == 3);
            assertThat(events).filteredOn(e -> e.trackingCode().equals(codes.get(0)))
                    .extracting(e -> e.recipient().address().number()).as("the first entry's address")
                    .containsExactly("0");
        }
    }

    @Test
    void postedPreviewsAreListedOverTheLookBackInWindowsOfAtMostThirtyDays() {
        LocalDate today = LocalDate.now(ZoneId.of("America/Sao_Paulo"));
        String code = FakeCorreios.code("PF", 60_000_000);
        correios.stubFor(listing("PREPOSTADO", 0).willReturn(page(List.of(), 0, false)));
        correios.stubFor(listing("POSTADO", 0)
                .withQueryParam("dataInicialCriacaoPrePostagem", equalTo(today.minusDays(29).toString()))
                .withQueryParam("dataFinalCriacaoPrePostagem", equalTo(today.toString()))
                .willReturn(page(List.of(item(code, 1)), 0, false)));

        try (var recorder = TopicRecorder.start(Topics.REGISTERED)) {
            assertThat(intake.poll()).isEqualTo(new PollSummary(2, 1, 1, 0, 0));
            recorder.await(ShipmentRegistered.class, e -> e.trackingCode().equals(code), 1, Duration.ofSeconds(30));
        }
        correios.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)).withQueryParam("status", equalTo("POSTADO")));
    }

    @Test
    void anExpiredTokenCausesExactlyOneReauthentication() {
        correios.resetAll();
        correios.stubFor(tokenRequest().willReturn(tokenAnswer("short-lived", Duration.ofSeconds(4))));
        correios.stubFor(listing("POSTADO", 0).willReturn(page(List.of(), 0, false)));
        List<String> good = codes("PB", 20_000_000, 3);
        serve("PREPOSTADO", good.stream().map(c -> item(c, 1)).toList());

        try (var recorder = TopicRecorder.start(Topics.REGISTERED)) {
            intake.poll();
            correios.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
            correios.stubFor(tokenRequest().willReturn(tokenAnswer("renewed", DAY)));
            clock.advance(Duration.ofSeconds(5)); // past its 4 s life, without waiting for it
            intake.poll();
            recorder.await(ShipmentRegistered.class, e -> good.contains(e.trackingCode()), 3, Duration.ofSeconds(30));
        }
        correios.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void aTokenRefusedMidRunCausesExactlyOneReauthenticationAndEverythingIsPublished() {
        correios.resetAll();
        correios.stubFor(tokenRequest().inScenario("tokens").whenScenarioStateIs(STARTED)
                .willReturn(tokenAnswer("tok-1", DAY)).willSetStateTo("renewed"));
        correios.stubFor(tokenRequest().inScenario("tokens").whenScenarioStateIs("renewed")
                .willReturn(tokenAnswer("tok-2", DAY)));
        correios.stubFor(listing("POSTADO", 0).willReturn(page(List.of(), 0, false)));
        List<String> good = codes("PC", 30_000_000, 150);
        List<Map<String, Object>> items = good.stream().map(c -> item(c, 2)).toList();
        correios.stubFor(listing("PREPOSTADO", 0).willReturn(page(items.subList(0, 100), 0, true)));
        correios.stubFor(listing("PREPOSTADO", 1).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(json(401, "{\"msgs\":[\"GTW-008: Token não válido para este ambiente.\"]}")));
        correios.stubFor(listing("PREPOSTADO", 1).withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(page(items.subList(100, 150), 1, false)));

        try (var recorder = TopicRecorder.start(Topics.REGISTERED)) {
            assertThat(intake.poll().registered()).isEqualTo(150);
            recorder.await(ShipmentRegistered.class, e -> good.contains(e.trackingCode()), 150, Duration.ofSeconds(30));
        }
        correios.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void tooManyRequestsThenSuccessEndsWithTheDataPublished() {
        List<String> good = codes("PD", 40_000_000, 3);
        correios.stubFor(listing("PREPOSTADO", 0).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        correios.stubFor(listing("PREPOSTADO", 0).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(page(good.stream().map(c -> item(c, 3)).toList(), 0, false)));

        try (var recorder = TopicRecorder.start(Topics.REGISTERED)) {
            assertThat(intake.poll().registered()).isEqualTo(3);
            recorder.await(ShipmentRegistered.class, e -> good.contains(e.trackingCode()), 3, Duration.ofSeconds(30));
        }
        correios.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)).withQueryParam("status", equalTo("PREPOSTADO")));
        assertThat(meters.get("correios.requests").tags("api", "prepostagem", "outcome", "RATE_LIMITED", "status", "429")
                .timer().count()).isPositive();
    }

    @Test
    void aServerErrorThenSuccessEndsWithTheDataPublished() {
        List<String> good = codes("PE", 50_000_000, 3);
        correios.stubFor(listing("PREPOSTADO", 0).inScenario("5xx").whenScenarioStateIs(STARTED)
                .willReturn(json(503, "{\"msgs\":[\"GTW-503: Serviço indisponível\"]}")).willSetStateTo("ok"));
        correios.stubFor(listing("PREPOSTADO", 0).inScenario("5xx").whenScenarioStateIs("ok")
                .willReturn(page(good.stream().map(c -> item(c, 4)).toList(), 0, false)));

        try (var recorder = TopicRecorder.start(Topics.REGISTERED)) {
            assertThat(intake.poll().registered()).isEqualTo(3);
            recorder.await(ShipmentRegistered.class, e -> good.contains(e.trackingCode()), 3, Duration.ofSeconds(30));
        }
        correios.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)).withQueryParam("status", equalTo("PREPOSTADO")));
    }

    @Test
    void aCrashAfterTheDatabaseWritePublishesTheMissingEventsExactlyOnceOnRestart() {
        List<String> good = codes("PG", 70_000_000, 3);
        serve("PREPOSTADO", good.stream().map(c -> item(c, 5)).toList());

        try (var recorder = TopicRecorder.start(Topics.REGISTERED)) {
            relay.stop(); // the process dies after the commit, before anything reached Kafka
            try {
                assertThat(intake.poll().registered()).isEqualTo(3);
                assertThat(count("SELECT COUNT(*) FROM registered_shipment WHERE tracking_code LIKE 'PG%'")).isEqualTo(3);
                assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE message_key LIKE 'PG%'")).isEqualTo(3);
                assertThat(intake.poll().registered()).as("the codes are known, not registered twice").isZero();
                assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE message_key LIKE 'PG%'")).isEqualTo(3);
                assertThat(recorder.events(ShipmentRegistered.class)).noneMatch(e -> good.contains(e.trackingCode()));
            } finally {
                relay.start(); // the restart
            }
            var events = recorder.await(ShipmentRegistered.class, e -> good.contains(e.trackingCode()), 3,
                    Duration.ofSeconds(30));
            assertThat(events).extracting(ShipmentRegistered::eventId).containsExactlyInAnyOrderElementsOf(
                    good.stream().map(ShipmentRegistered::idFor).toList());
            awaitOutboxEmpty();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> recorder
                    .events(ShipmentRegistered.class).stream().filter(e -> good.contains(e.trackingCode())).count() == 3);
        }
    }

    @Test
    void onlyTheReplicaHoldingTheLockPolls() {
        String code = FakeCorreios.code("PH", 80_000_000);
        serve("PREPOSTADO", List.of(item(code, 6)));
        jdbc.sql("DELETE FROM shedlock WHERE name = 'prepost-ingest-poll'").update();
        jdbc.sql("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) "
                + "VALUES ('prepost-ingest-poll', TIMESTAMPADD(HOUR, 1, UTC_TIMESTAMP(3)), UTC_TIMESTAMP(3), 'other-replica')")
                .update();
        try {
            job.run();
            correios.verify(0, getRequestedFor(urlPathEqualTo(LIST_PATH)));
            assertThat(count("SELECT COUNT(*) FROM registered_shipment WHERE tracking_code = '" + code + "'")).isZero();
        } finally {
            jdbc.sql("UPDATE shedlock SET lock_until = UTC_TIMESTAMP(3) WHERE name = 'prepost-ingest-poll'").update();
        }

        job.run();

        correios.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));
        assertThat(count("SELECT COUNT(*) FROM registered_shipment WHERE tracking_code = '" + code + "'")).isOne();
    }

    @Test
    void theApisOwnNothingFound404IsAnEmptyListing() {
        correios.stubFor(listing("PREPOSTADO", 0).willReturn(json(404, """
                {"msgs":["PPN-011: Nenhuma pré-postagem encontrada para os parâmetros informados."],
                 "date":"2026-12-02T12:00:00","method":"GET","path":"/prepostagem/v2/prepostagens",
                 "causa":null,"stackTrace":null}""")));

        PollSummary summary = intake.poll();

        assertThat(summary.seen()).isZero();
        assertThat(summary.registered()).isZero();
    }

    @Test
    void a404WithoutTheNothingFoundAnswerFailsThePollLoudlyWithAMetricAndOneCriticalAlert() {
        correios.stubFor(listing("PREPOSTADO", 0).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<html><body><h1>404 Not Found</h1></body></html>")));
        double failuresBefore = meters.get("ingest.poll.failures").tag("cause", "not_found").counter().count();

        try (var recorder = TopicRecorder.start(Topics.ALERTS)) {
            assertThatThrownBy(() -> intake.poll()).isInstanceOf(CorreiosException.class).hasMessageContaining("404");
            job.run(); // the scheduled job swallows it after the intake reported it, and alerts once per hour

            var alerts = recorder.await(ShipmentAlert.class,
                    a -> a.type() == ShipmentAlert.AlertType.CORREIOS_API_ERROR, 1, Duration.ofSeconds(30));
            assertThat(alerts.getFirst().severity()).isEqualTo(ShipmentAlert.Severity.CRITICAL);
            assertThat(alerts.getFirst().trackingCode()).isNull();
            assertThat(alerts.getFirst().details()).containsEntry("api", "prepostagem").containsEntry("status", "404");
            awaitOutboxEmpty();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> recorder
                    .events(ShipmentAlert.class).stream()
                    .filter(a -> a.type() == ShipmentAlert.AlertType.CORREIOS_API_ERROR).count() == 1);
        }
        assertThat(meters.get("ingest.poll.failures").tag("cause", "not_found").counter().count() - failuresBefore)
                .isEqualTo(2);
        assertThat(meters.get("ingest.poll").tag("outcome", "failure").timer().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aPrePostingThatNamesAnotherRecipientThanTheManualRegistrationIsAlertedOnceWithBothVersionsMasked() {
        List<String> codes = codes("PM", 30_000_000, 2);
        String contradicted = codes.get(0);
        String confirmed = codes.get(1);
        registerByHand(contradicted, new Recipient("Fulano de Tal", new Phone("11", "988887777"), null, null, null));
        registerByHand(confirmed, new Recipient("MARIA  DA SILVA 1", new Phone("43", "9999-00001".replace("-", "")),
                new Phone("43", "33330001"), null, null));
        serve("PREPOSTADO", List.of(item(contradicted, 0), item(confirmed, 1)));

        try (var recorder = TopicRecorder.start(Topics.ALERTS)) {
            intake.poll();
            intake.poll();

            ShipmentAlert alert = recorder.await(ShipmentAlert.class,
                    a -> a.type() == ShipmentAlert.AlertType.REGISTRATION_CONFLICT && codes.contains(a.trackingCode()), 1,
                    Duration.ofSeconds(30)).getFirst();
            assertThat(alert.trackingCode()).isEqualTo(contradicted);
            assertThat(alert.details().get("registeredBy")).isEqualTo("system");
            assertThat(alert.details().get("manual")).contains("F***** d* T**").contains("(11) 9****-7777")
                    .doesNotContain("Fulano", "88887777");
            assertThat(alert.details().get("prePosting")).contains("M**** d* S****").contains("Londrina/PR")
                    .doesNotContain("Maria", "Rua Sergipe", "maria0@");
            assertThat(alert.details().get("prePostingId")).isEqualTo("PR" + contradicted);
            awaitOutboxEmpty();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> recorder
                    .events(ShipmentAlert.class).stream().filter(a -> codes.contains(a.trackingCode())).count() == 1);
        }
    }

    private void registerByHand(String code, Recipient recipient) {
        ShipmentRegistered event = new ShipmentRegistered(ShipmentRegistered.idFor(code),
                java.time.OffsetDateTime.now(), code, ShipmentRegistered.Source.MANUAL, null, null, null, recipient,
                List.of(new ContentItem("TV", 1, null)), null, null);
        registrations.register(event);
        audit.record("shipment.registered", code, null, MaskedRegistration.of(event));
    }

    private void serve(String status, List<Map<String, Object>> items) {
        int pages = Math.max(1, (items.size() + 99) / 100);
        for (int p = 0; p < pages; p++) {
            correios.stubFor(listing(status, p).willReturn(
                    page(items.subList(p * 100, Math.min(items.size(), (p + 1) * 100)), p, p < pages - 1)));
        }
    }

    /** Five items that cannot be used, each in its own way. */
    private static List<Map<String, Object>> unusableItems() {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> noCode = item("PA000000000BR", 9001);
        noCode.remove("codigoObjeto");
        out.add(noCode);
        String valid = FakeCorreios.code("PA", 19_999_999);
        Map<String, Object> wrongDigit = item(valid.substring(0, 10) + ((valid.charAt(10) - '0' + 1) % 10) + "BR", 9002);
        out.add(wrongDigit);
        Map<String, Object> unparseable = item(FakeCorreios.code("PA", 19_999_998), 9003);
        unparseable.put("dataHora", "ontem");
        out.add(unparseable);
        Map<String, Object> noRecipient = item(FakeCorreios.code("PA", 19_999_997), 9004);
        noRecipient.remove("destinatario");
        out.add(noRecipient);
        Map<String, Object> nameless = item(FakeCorreios.code("PA", 19_999_996), 9005);
        @SuppressWarnings("unchecked")
        var recipient = new LinkedHashMap<>((Map<String, Object>) nameless.get("destinatario"));
        recipient.put("nome", "  ");
        nameless.put("destinatario", recipient);
        out.add(nameless);
        for (int i = 0; i < out.size(); i++) {
            out.get(i).put("id", "PRX-PA-" + (i + 1));
        }
        return out;
    }

    private static void assertSampleMapped(ShipmentRegistered e) {
        assertThat(e.source()).isEqualTo(ShipmentRegistered.Source.PRE_POSTING);
        assertThat(e.prePostingId()).isEqualTo("PR" + e.trackingCode());
        assertThat(e.serviceCode()).isEqualTo("03298");
        assertThat(e.serviceName()).isEqualTo("03298 - PAC CONTRATO AG");
        assertThat(e.recipient()).isEqualTo(new Recipient("Maria da Silva 0", new Phone("43", "999900000"),
                new Phone("43", "33330000"), "maria0@example.com",
                new Address("Rua Sergipe", "0", "Apto 0", "Centro", "Londrina", "PR", "86010000")));
        assertThat(e.contents()).containsExactly(new ContentItem("Notebook reparado", 1, new BigDecimal("1500.5")),
                new ContentItem("Carregador", 2, new BigDecimal("80")));
        assertThat(e.invoiceNumber()).isEqualTo("12345");
        assertThat(e.notes()).isEqualTo("OS 0");
        assertThat(e.occurredAt()).isNotNull();
    }

    private void awaitOutboxEmpty() {
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT COUNT(*) FROM outbox_event") == 0);
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
