package br.com.techassist.shipments.notifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.notifier.notification.NotificationState;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The notifier against Evolution API 2.3.x as it behaves (reference §3.1): a dropped WhatsApp
 * connection, ambiguous answers reconciled with {@code findMessages}, and Evolution's webhooks.
 * The fake speaks the real wire format on the test JVM's shared WireMock server.
 */
@TestPropertySource(properties = {
    "notifier.provider=evolution",
    "notifier.whatsapp.instance=loja",
    "notifier.whatsapp.token=evo-key",
    "notifier.whatsapp.webhook-token=hook-secret"
})
class EvolutionAnswersIT extends NotifierITSupport {

    private static final String SEND = "/message/sendText/loja";
    private static final String STATE = "/instance/connectionState/loja";
    private static final String FIND = "/chat/findMessages/loja";

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    private final List<StubMapping> stubs = new ArrayList<>();

    static {
        whatsapp.stubFor(post(SEND).atPriority(10).willReturn(sent()));
        whatsapp.stubFor(get(STATE).atPriority(10).willReturn(state("open")));
        whatsapp.stubFor(post(FIND).atPriority(10).willReturn(found()));
    }

    @AfterEach
    void removeStubs() {
        stubs.forEach(whatsapp::removeStub);
        stubs.clear();
    }

    private void stub(MappingBuilder mapping) {
        stubs.add(whatsapp.stubFor(mapping));
    }

    @Test
    void aConnectionDroppedInTheMiddleOfAHundredDueMessagesDeliversEachOnceAfterItReconnects() {
        stub(post(SEND).atPriority(5).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"status":400,"error":"Bad Request","response":{"message":["Error: Connection Closed"]}}""")));
        stub(get(STATE).atPriority(5).willReturn(state("connecting")));
        long failedBefore = notifications.count(NotificationState.FAILED);
        Map<String, String> phoneByCode = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            phoneByCode.put(newTrackingCode(), newPhone("31"));
        }
        try (var alerts = TopicRecorder.start(Topics.ALERTS)) {
            phoneByCode.forEach((code, phone) ->
                    publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("BELO HORIZONTE", "MG"))));
            phoneByCode.keySet().forEach(code -> awaitState(code, NotificationKind.SHIPPED, NotificationState.PENDING));
            assertThat(meters.get("notifier.provider.halted").gauge().value()).isEqualTo(1.0);

            clock().advance(Duration.ofMinutes(3));
            ShipmentAlert warning = alerts.await(ShipmentAlert.class,
                    a -> a.type() == ShipmentAlert.AlertType.WHATSAPP_DISCONNECTED, 1, WAIT).getFirst();
            assertThat(warning.severity()).isEqualTo(ShipmentAlert.Severity.WARNING);

            removeStubs(); // Baileys reconnected
            clock().advance(Duration.ofMinutes(1));
            phoneByCode.keySet().forEach(code -> awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT));
            alerts.await(ShipmentAlert.class, a -> a.type() == ShipmentAlert.AlertType.WHATSAPP_DISCONNECTED
                    && a.severity() == ShipmentAlert.Severity.INFO, 1, WAIT);
        }
        assertThat(notifications.count(NotificationState.FAILED)).isEqualTo(failedBefore);
        Map<String, Long> accepted = acceptedSendsByNumber();
        phoneByCode.values().forEach(phone -> assertThat(accepted.get(phone)).as("sends accepted for %s", phone).isEqualTo(1));
        assertThat(meters.get("notifier.provider.halted").gauge().value()).isZero();
    }

    @Test
    void aMessageAcceptedButAnsweredWithAServerErrorIsFoundInTheRecordAndNotResent() {
        String code = newTrackingCode();
        String phone = newPhone("11");
        stub(sendTo(phone).willReturn(aResponse().withStatus(500)));

        publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
        awaitState(code, NotificationKind.SHIPPED, NotificationState.UNCERTAIN);
        stub(findFor(phone).willReturn(found(record("3EB0ACCEPTED", phone, sentText(phone, 0)))));
        clock().advance(Duration.ofSeconds(31));

        Notification sent = awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT);
        assertThat(sent.providerMessageId()).isEqualTo("3EB0ACCEPTED");
        clock().advance(Duration.ofHours(1));
        awaitDispatcherPass();
        assertThat(sendsTo(phone)).hasSize(1);
    }

    @Test
    void aServerErrorBeforeAcceptanceIsProvedNotSentByTheRecordThenSentOnce() {
        String code = newTrackingCode();
        String phone = newPhone("11");
        stub(sendTo(phone).inScenario("500-" + phone).whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        stub(sendTo(phone).inScenario("500-" + phone).whenScenarioStateIs("up").willReturn(sent()));
        publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
        awaitState(code, NotificationKind.SHIPPED, NotificationState.UNCERTAIN);

        // a message we know was accepted after it: the record keeps messages (the control of the proof)
        clock().advance(Duration.ofSeconds(1));
        String control = newTrackingCode();
        String controlPhone = newPhone("11");
        publish(contact(control, controlPhone), statusChanged(control, Milestone.POSTED, unit("SAO PAULO", "SP")));
        Notification controlSent = awaitState(control, NotificationKind.SHIPPED, NotificationState.SENT);
        stub(findFor(controlPhone).willReturn(found(record(controlSent.providerMessageId(), controlPhone, "Olá! " + control))));

        clock().advance(Duration.ofSeconds(31));
        awaitNotification(code, NotificationKind.SHIPPED, n -> n.reconcileChecks() == 1);
        assertThat(sendsTo(phone)).as("one absence proves nothing yet").hasSize(1);
        clock().advance(Duration.ofSeconds(61));

        Notification resent = awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT);
        assertThat(resent.reconcileResends()).isEqualTo(1);
        assertThat(sendsTo(phone)).hasSize(2);
        clock().advance(Duration.ofHours(1));
        awaitDispatcherPass();
        assertThat(sendsTo(phone)).hasSize(2);
    }

    @Test
    void withoutAStoreOfMessagesNothingIsProvedAndTheSendStaysUncertain() {
        String code = newTrackingCode();
        String phone = newPhone("11");
        stub(sendTo(phone).willReturn(aResponse().withStatus(500)));
        publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
        awaitState(code, NotificationKind.SHIPPED, NotificationState.UNCERTAIN);
        double unproven = reconciliations("unproven");

        clock().advance(Duration.ofMinutes(5));
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> reconciliations("unproven") > unproven);
        awaitDispatcherPass();

        assertThat(notifications.find(code, NotificationKind.SHIPPED).orElseThrow().state()).isEqualTo(NotificationState.UNCERTAIN);
        assertThat(sendsTo(phone)).hasSize(1);
    }

    @Test
    void anUnknownInstanceStopsEverySendWithACriticalAlertAndFailsNothing() {
        String code = newTrackingCode();
        String phone = newPhone("11");
        stub(sendTo(phone).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"status":404,"error":"Not Found","response":{"message":["The \\"loja\\" instance does not exist"]}}""")));
        stub(get(STATE).atPriority(5).willReturn(aResponse().withStatus(404)));
        try (var alerts = TopicRecorder.start(Topics.ALERTS)) {
            publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
            awaitNotification(code, NotificationKind.SHIPPED, n -> n.state() == NotificationState.PENDING && "404".equals(n.errorCode()));
            ShipmentAlert alert = alerts.await(ShipmentAlert.class,
                    a -> a.type() == ShipmentAlert.AlertType.PROVIDER_PAUSED, 1, WAIT).getFirst();
            assertThat(alert.severity()).isEqualTo(ShipmentAlert.Severity.CRITICAL);
            int checks = whatsapp.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo(STATE))).size();
            clock().advance(Duration.ofMinutes(16));
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> whatsapp.findAll(
                    com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo(STATE))).size() > checks);
            assertThat(notifications.find(code, NotificationKind.SHIPPED).orElseThrow().state()).isEqualTo(NotificationState.PENDING);

            removeStubs(); // the operator created the instance
            clock().advance(Duration.ofMinutes(16));
            awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT);
        }
    }

    @Test
    void aWebhookWithoutTheSecretIsRefused() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/webhooks/evolution").contentType(MediaType.APPLICATION_JSON).content(upsert("5511987650000", "SAIR")))
                .andExpect(status().isUnauthorized());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/webhooks/evolution").contentType(MediaType.APPLICATION_JSON).header("x-webhook-token", "guess")
                        .content(upsert("5511987650000", "SAIR")))
                .andExpect(status().isUnauthorized());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/webhooks/evolution").contentType(MediaType.APPLICATION_JSON).header("x-webhook-token", "hook-secret")
                        .content(upsert("5511987650000", "SAIR").replace("\"instance\":\"loja\"", "\"instance\":\"other\"")))
                .andExpect(status().isForbidden());
    }

    @Test
    void anInboundSairStopsEveryLaterMessageToThatPersonInBothNinthDigitForms() throws Exception {
        String phone = newPhone("31");
        String oldForm = phone.substring(0, 4) + phone.substring(5); // the 12-digit account id
        postWebhook(upsert(oldForm, "SAIR"));

        String code = newTrackingCode();
        publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("BELO HORIZONTE", "MG")));
        Notification suppressed = awaitState(code, NotificationKind.SHIPPED, NotificationState.SUPPRESSED);
        assertThat(suppressed.reason()).isEqualTo("opted_out");
        assertThat(sendsTo(phone)).isEmpty();
    }

    @Test
    void aDeliveryAckForAMessageWaitingForItsRetrySettlesItAndItIsNeverResent() throws Exception {
        String code = newTrackingCode();
        String phone = newPhone("11");
        stub(sendTo(phone).willReturn(aResponse().withStatus(429)));
        publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
        awaitNotification(code, NotificationKind.SHIPPED, n -> n.state() == NotificationState.PENDING && n.attempts() == 1);
        stub(findFor(phone).willReturn(found(record("3EB0LATEACK", phone, sentText(phone, 0)))));

        postWebhook("""
                {"event":"messages.update","instance":"loja","data":{"messageId":"cm1","keyId":"3EB0LATEACK",
                 "remoteJid":"%s@s.whatsapp.net","fromMe":true,"participant":null,"status":"DELIVERY_ACK","instanceId":"i1"},
                 "destination":"http://notifier/webhooks/evolution","date_time":"2026-12-02T12:00:00.000Z","sender":"5511999990000@s.whatsapp.net",
                 "server_url":"http://evolution:8080","apikey":"evo-key"}""".formatted(phone));

        Notification sent = awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT);
        assertThat(sent.providerMessageId()).isEqualTo("3EB0LATEACK");
        assertThat(sent.deliveryStatus()).isEqualTo("DELIVERED");
        clock().advance(Duration.ofHours(2));
        awaitDispatcherPass();
        assertThat(sendsTo(phone)).hasSize(1);
    }

    @Test
    void statusesForMessagesWeDoNotKnowLeaveNoConnectionBehind() throws Exception {
        for (int i = 0; i < 40; i++) { // more than the pool's connections
            postWebhook("""
                    {"event":"messages.update","instance":"loja","data":{"keyId":"3EB0UNKNOWN%02d",
                     "remoteJid":"5511900000000@s.whatsapp.net","fromMe":true,"status":"SERVER_ACK","instanceId":"i1"}}"""
                    .formatted(i));
        }
        awaitDispatcherPass();
    }

    @Test
    void theRecordOfTheParcelsShippedIsNeverTakenForItsArrived() {
        String code = newTrackingCode();
        String phone = newPhone("11");
        publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
        Notification shipped = awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT);
        // Evolution's record holds SHIPPED (same tracking code in its text), and nothing else
        stub(findFor(phone).willReturn(found(record(shipped.providerMessageId(), phone, sentText(phone, 0)))));
        stub(sendTo(phone).inScenario("arrived-" + phone).whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        stub(sendTo(phone).inScenario("arrived-" + phone).whenScenarioStateIs("up").willReturn(sent()));

        clock().advance(Duration.ofSeconds(5));
        publish(statusChanged(code, Milestone.DELIVERED, unit("SAO PAULO", "SP")));
        awaitState(code, NotificationKind.ARRIVED, NotificationState.UNCERTAIN);
        clock().advance(Duration.ofSeconds(31));
        awaitNotification(code, NotificationKind.ARRIVED, n -> n.reconcileChecks() == 1);
        clock().advance(Duration.ofSeconds(61));

        Notification arrived = awaitState(code, NotificationKind.ARRIVED, NotificationState.SENT);
        assertThat(arrived.providerMessageId()).isNotEqualTo(shipped.providerMessageId());
        assertThat(arrived.reconcileResends()).isEqualTo(1);
        assertThat(sendsTo(phone)).hasSize(3); // SHIPPED, ARRIVED answered 500, ARRIVED resent
    }

    /** The text of the {@code index}-th send to {@code phone}, as the notifier sent it. */
    private static String sentText(String phone, int index) {
        String body = sendsTo(phone).get(index).getBodyAsString();
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).path("text").asString();
    }

    private void postWebhook(String body) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/webhooks/evolution").contentType(MediaType.APPLICATION_JSON).header("x-webhook-token", "hook-secret")
                        .content(body))
                .andExpect(status().isOk());
    }

    private double reconciliations(String result) {
        var counter = meters.find("notifier.reconciliations").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String upsert(String from, String text) {
        return """
                {"event":"messages.upsert","instance":"loja","data":{"key":{"remoteJid":"%s@s.whatsapp.net","fromMe":false,
                 "id":"3EB0INBOUND%s"},"pushName":"Cliente","status":"DELIVERY_ACK","message":{"conversation":"%s"},
                 "messageType":"conversation","messageTimestamp":1764676800,"instanceId":"i1","source":"android"},
                 "destination":"http://notifier/webhooks/evolution","date_time":"2026-12-02T12:00:00.000Z",
                 "sender":"5511999990000@s.whatsapp.net","server_url":"http://evolution:8080","apikey":"evo-key"}"""
                .formatted(from, from, text);
    }

    private static MappingBuilder sendTo(String phone) {
        return post(SEND).atPriority(1).withRequestBody(matchingJsonPath("$.number", equalTo(phone)));
    }

    private static MappingBuilder findFor(String phone) {
        return post(FIND).atPriority(1).withRequestBody(matchingJsonPath("$.where.key.remoteJid", equalTo(phone + "@s.whatsapp.net")));
    }

    private static List<com.github.tomakehurst.wiremock.verification.LoggedRequest> sendsTo(String phone) {
        return whatsapp.findAll(postRequestedFor(urlEqualTo(SEND)).withRequestBody(matchingJsonPath("$.number", equalTo(phone))));
    }

    /** Sends the fake answered 201, by number. */
    private static Map<String, Long> acceptedSendsByNumber() {
        return whatsapp.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(SEND) && e.getResponse().getStatus() == 201)
                .map(ServeEvent::getRequest)
                .map(r -> r.getBodyAsString().replaceAll(".*\"number\"\\s*:\\s*\"(\\d+)\".*", "$1"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** Evolution's answer to a send: the stored record with a fresh key id (status PENDING). */
    private static ResponseDefinitionBuilder sent() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("""
                        {"key":{"remoteJid":"{{jsonPath request.body '$.number'}}@s.whatsapp.net","fromMe":true,
                         "id":"3EB0{{randomValue length=16 type='ALPHANUMERIC'}}"},"pushName":"","status":"PENDING",
                         "message":{"conversation":"{{jsonPath request.body '$.text'}}"},"messageType":"conversation",
                         "messageTimestamp":1764676800,"instanceId":"i1","source":"unknown"}""");
    }

    private static ResponseDefinitionBuilder state(String state) {
        return okJson("""
                {"instance":{"instanceName":"loja","state":"%s"}}""".formatted(state));
    }

    private static ResponseDefinitionBuilder found(String... records) {
        return okJson("""
                {"messages":{"total":%d,"pages":%d,"currentPage":1,"records":[%s]}}"""
                .formatted(records.length, records.length == 0 ? 0 : 1, String.join(",", records)));
    }

    private static String record(String id, String phone, String text) {
        String json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text);
        return """
                {"id":"c%s","key":{"id":"%s","fromMe":true,"remoteJid":"%s@s.whatsapp.net"},"pushName":"",
                 "messageType":"conversation","message":{"conversation":%s},"messageTimestamp":%d,"instanceId":"i1",
                 "source":"unknown","MessageUpdate":[{"status":"DELIVERY_ACK"}]}"""
                .formatted(id, id, phone, json, Instant.now().getEpochSecond());
    }
}
