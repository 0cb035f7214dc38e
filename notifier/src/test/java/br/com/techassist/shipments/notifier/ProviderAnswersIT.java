package br.com.techassist.shipments.notifier;

import static br.com.techassist.shipments.notifier.SharedWhatsApp.accepted;
import static br.com.techassist.shipments.notifier.SharedWhatsApp.error;
import static br.com.techassist.shipments.notifier.SharedWhatsApp.sendTo;
import static br.com.techassist.shipments.notifier.SharedWhatsApp.sendsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.NotificationFailed;
import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.model.NotificationSent;
import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.notifier.notification.NotificationState;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class ProviderAnswersIT extends NotifierITSupport {

    @Autowired
    PlatformTransactionManager txManager;

    @Autowired
    MockMvc mvc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void aRateLimitIsRetriedAfterTheBackOffThenSent() {
        String phone = newPhone("11");
        whatsapp.stubFor(sendTo(phone).inScenario("rate-" + phone).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(400, 130429, "Rate limit hit")).willSetStateTo("retry"));
        whatsapp.stubFor(sendTo(phone).inScenario("rate-" + phone).whenScenarioStateIs("retry").willReturn(accepted()));

        assertRetriedThenSent(phone);
    }

    @Test
    void aServerErrorAfterAcceptanceIsSettledByTheStatusWebhookAndNeverResent() throws Exception {
        String code = newTrackingCode();
        String phone = newPhone("11");
        String id = Notification.idFor(code, NotificationKind.SHIPPED);
        whatsapp.stubFor(sendTo(phone).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(500)));
        try (var events = TopicRecorder.start(Topics.NOTIFICATIONS)) {
            publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
            awaitState(code, NotificationKind.SHIPPED, NotificationState.UNCERTAIN);

            clock().advance(Duration.ofSeconds(1));
            postStatus("wamid.ACCEPTED500", "delivered", phone, id);

            Notification sent = awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT);
            assertThat(sent.providerMessageId()).isEqualTo("wamid.ACCEPTED500");
            events.await(NotificationSent.class, e -> e.trackingCode().equals(code), 1, WAIT);
        }
        clock().advance(Duration.ofHours(2));
        awaitDispatcherPass();
        assertThat(sendsTo(phone)).hasSize(1);
        assertThat(meters.get("notifier.settled.by.webhook").tag("from", "uncertain").counter().count()).isPositive();
    }

    @Test
    void aServerErrorBeforeAcceptanceIsReconciledAsNotSentByWebhookSilenceThenSentOnce() throws Exception {
        String code = newTrackingCode();
        String phone = newPhone("11");
        whatsapp.stubFor(sendTo(phone).inScenario("500-" + phone).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(500)).willSetStateTo("up"));
        whatsapp.stubFor(sendTo(phone).inScenario("500-" + phone).whenScenarioStateIs("up").willReturn(accepted()));
        publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
        Notification uncertain = awaitState(code, NotificationKind.SHIPPED, NotificationState.UNCERTAIN);

        clock().advance(Duration.ofMinutes(29));
        // a message sent after it gets its status webhook: webhooks do reach us, ours never came
        String later = newTrackingCode();
        String laterPhone = newPhone("11");
        publish(contact(later, laterPhone), statusChanged(later, Milestone.POSTED, unit("SAO PAULO", "SP")));
        Notification laterSent = awaitState(later, NotificationKind.SHIPPED, NotificationState.SENT);
        postStatus(laterSent.providerMessageId(), "delivered", laterPhone, laterSent.id());
        awaitNotification(later, NotificationKind.SHIPPED, n -> n.statusReceivedAt() != null);
        assertThat(notifications.find(code, NotificationKind.SHIPPED).orElseThrow().state())
                .as("within the window nothing is proven").isEqualTo(NotificationState.UNCERTAIN);

        clock().advance(Duration.ofMinutes(2));
        Notification resent = awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT);
        assertThat(resent.reconcileResends()).isEqualTo(1);
        assertThat(resent.attempts()).isEqualTo(uncertain.attempts() + 1);
        assertThat(sendsTo(phone)).hasSize(2);

        clock().advance(Duration.ofHours(2));
        awaitDispatcherPass();
        assertThat(sendsTo(phone)).as("resent once, never again").hasSize(2);
    }

    @Test
    void aStatusWebhookForAMessageWaitingForItsRetrySettlesItAsSent() throws Exception {
        String code = newTrackingCode();
        String phone = newPhone("11");
        String id = Notification.idFor(code, NotificationKind.SHIPPED);
        whatsapp.stubFor(sendTo(phone).willReturn(error(400, 130429, "Rate limit hit")));
        publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
        awaitNotification(code, NotificationKind.SHIPPED, n -> n.state() == NotificationState.PENDING && n.attempts() == 1);

        postStatus("wamid.LATEPROOF", "sent", phone, id);

        Notification sent = awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT);
        assertThat(sent.providerMessageId()).isEqualTo("wamid.LATEPROOF");
        clock().advance(Duration.ofHours(1));
        awaitDispatcherPass();
        assertThat(sendsTo(phone)).hasSize(1);
    }

    @Test
    void aTemplateMisconfigurationPausesTheQueueWithACriticalAlertAndFailsNothing() {
        String broken = newPhone("11");
        String waiting = newPhone("11");
        whatsapp.stubFor(sendTo(broken).inScenario("tpl-" + broken).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(404, 132001, "Template name does not exist in the translation")).willSetStateTo("fixed"));
        whatsapp.stubFor(sendTo(broken).inScenario("tpl-" + broken).whenScenarioStateIs("fixed").willReturn(accepted()));
        String first = newTrackingCode();
        String second = newTrackingCode();
        try (var alerts = TopicRecorder.start(Topics.ALERTS)) {
            publish(contact(first, broken), statusChanged(first, Milestone.POSTED, unit("SAO PAULO", "SP")));
            Notification held = awaitNotification(first, NotificationKind.SHIPPED,
                    n -> n.state() == NotificationState.PENDING && "132001".equals(n.errorCode()));
            assertThat(held.attempts()).isZero();
            ShipmentAlert alert = alerts.await(ShipmentAlert.class,
                    a -> a.type() == ShipmentAlert.AlertType.PROVIDER_PAUSED, 1, WAIT).getFirst();
            assertThat(alert.severity()).isEqualTo(ShipmentAlert.Severity.CRITICAL);

            publish(contact(second, waiting), statusChanged(second, Milestone.POSTED, unit("SAO PAULO", "SP")));
            awaitState(second, NotificationKind.SHIPPED, NotificationState.PENDING);
            assertThat(sendsTo(waiting)).as("the queue is paused").isEmpty();
            assertThat(notifications.count(NotificationState.FAILED)).isEqualTo(failedBefore);

            clock().advance(Duration.ofMinutes(15));
            awaitState(first, NotificationKind.SHIPPED, NotificationState.SENT);
            awaitState(second, NotificationKind.SHIPPED, NotificationState.SENT);
            alerts.await(ShipmentAlert.class, a -> a.type() == ShipmentAlert.AlertType.PROVIDER_PAUSED
                    && a.severity() == ShipmentAlert.Severity.INFO, 1, WAIT);
        }
        assertThat(sendsTo(broken)).hasSize(2);
        assertThat(sendsTo(waiting)).hasSize(1);
    }

    private long failedBefore;

    @org.junit.jupiter.api.BeforeEach
    void countFailed() {
        failedBefore = notifications.count(NotificationState.FAILED);
    }

    private void postStatus(String wamid, String status, String phone, String callbackData) throws Exception {
        String webhook = WebhookIT.statusWebhook(wamid, status, phone, callbackData, clock().instant());
        mvc.perform(post("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON).content(webhook)
                        .header("X-Hub-Signature-256", WebhookIT.sign(webhook)))
                .andExpect(status().isOk());
    }

    private void assertRetriedThenSent(String phone) {
        String code = newTrackingCode();
        try (var events = TopicRecorder.start(Topics.NOTIFICATIONS)) {
            publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));

            Notification retrying = awaitNotification(code, NotificationKind.SHIPPED,
                    n -> n.state() == NotificationState.PENDING && n.attempts() == 1);
            assertThat(retrying.nextAttemptAt()).isEqualTo(clock().instant().plus(Duration.ofMinutes(1)));
            assertThat(sendsTo(phone)).hasSize(1);
            NotificationFailed failed = events.await(NotificationFailed.class, e -> e.trackingCode().equals(code), 1, WAIT)
                    .getFirst();
            assertThat(failed.retryable()).isTrue();

            clock().advance(Duration.ofMinutes(1));
            Notification sent = awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT);
            assertThat(sent.attempts()).isEqualTo(2);
            assertThat(sendsTo(phone)).hasSize(2);
            events.await(NotificationSent.class, e -> e.trackingCode().equals(code), 1, WAIT);
        }
    }

    @Test
    void noWhatsappFromTheProviderFailsForGoodAndIsNotRetried() {
        String code = newTrackingCode();
        String phone = newPhone("11");
        whatsapp.stubFor(sendTo(phone).willReturn(error(400, 131026, "Message undeliverable")));
        try (var events = TopicRecorder.start(Topics.NOTIFICATIONS, Topics.ALERTS)) {
            publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));

            Notification failed = awaitState(code, NotificationKind.SHIPPED, NotificationState.FAILED);
            assertThat(failed.errorCode()).isEqualTo("131026");
            assertThat(events.await(NotificationFailed.class, e -> e.trackingCode().equals(code), 1, WAIT).getFirst()
                    .retryable()).isFalse();
            assertThat(events.await(ShipmentAlert.class, e -> code.equals(e.trackingCode()), 1, WAIT).getFirst().type())
                    .isEqualTo(ShipmentAlert.AlertType.NO_WHATSAPP);
        }
        clock().advance(Duration.ofDays(1));
        awaitDispatcherPass();
        assertThat(sendsTo(phone)).hasSize(1);
    }

    @Test
    void refusedCredentialsStopEverySendUntilThePauseEndsWithACriticalAlert() {
        String refused = newPhone("11");
        String waiting = newPhone("11");
        whatsapp.stubFor(sendTo(refused).inScenario("auth-" + refused).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(401, 190, "Error validating access token: Session has expired")).willSetStateTo("renewed"));
        whatsapp.stubFor(sendTo(refused).inScenario("auth-" + refused).whenScenarioStateIs("renewed").willReturn(accepted()));
        String first = newTrackingCode();
        String second = newTrackingCode();
        try (var alerts = TopicRecorder.start(Topics.ALERTS)) {
            publish(contact(first, refused), statusChanged(first, Milestone.POSTED, unit("SAO PAULO", "SP")));

            Notification held = awaitNotification(first, NotificationKind.SHIPPED,
                    n -> n.state() == NotificationState.PENDING && "190".equals(n.errorCode()));
            assertThat(held.attempts()).isZero();
            assertThat(held.nextAttemptAt()).isEqualTo(clock().instant().plus(Duration.ofMinutes(15)));
            ShipmentAlert alert = alerts.await(ShipmentAlert.class,
                    a -> a.type() == ShipmentAlert.AlertType.PROVIDER_AUTH_FAILED, 1, WAIT).getFirst();
            assertThat(alert.severity()).isEqualTo(ShipmentAlert.Severity.CRITICAL);
        }
        publish(contact(second, waiting), statusChanged(second, Milestone.POSTED, unit("SAO PAULO", "SP")));
        awaitState(second, NotificationKind.SHIPPED, NotificationState.PENDING);
        assertThat(meters.get("notifier.provider.halted").gauge().value()).isEqualTo(1.0);

        clock().advance(Duration.ofMinutes(15));
        awaitState(first, NotificationKind.SHIPPED, NotificationState.SENT);
        awaitState(second, NotificationKind.SHIPPED, NotificationState.SENT);
        assertThat(sendsTo(refused)).hasSize(2);
        assertThat(sendsTo(waiting)).hasSize(1);
        assertThat(meters.get("notifier.provider.halted").gauge().value()).isZero();
    }

    @Test
    void aCrashAfterTheClaimBecomesUncertainIsNotResentBlindAndAWebhookResolvesIt() throws Exception {
        String code = newTrackingCode();
        String phone = newPhone("11");
        String id = Notification.idFor(code, NotificationKind.SHIPPED);
        publish(registered(code, "PAULO NUNES", "Tablet"), contact(code, phone));
        awaitParcel(code, p -> p.contactKnown());
        // what an instance that died between the claim and the provider's answer leaves behind
        new TransactionTemplate(txManager).executeWithoutResult(tx -> {
            notifications.insertIfAbsent(code, NotificationKind.SHIPPED, NotificationState.PENDING, null, clock().instant());
            assertThat(notifications.claim(id, "cloud-api", phone, "crashed-instance")).isTrue();
        });

        try (var events = TopicRecorder.start(Topics.NOTIFICATIONS, Topics.ALERTS)) {
            publish(statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
            awaitParcel(code, p -> p.shippedEventAt() != null);
            clock().advance(Duration.ofMinutes(3));

            Notification uncertain = awaitState(code, NotificationKind.SHIPPED, NotificationState.UNCERTAIN);
            assertThat(uncertain.attempts()).isEqualTo(1);
            ShipmentAlert alert = events.await(ShipmentAlert.class, a -> code.equals(a.trackingCode()), 1, WAIT).getFirst();
            assertThat(alert.type()).isEqualTo(ShipmentAlert.AlertType.SEND_UNCERTAIN);
            assertThat(alert.severity()).isEqualTo(ShipmentAlert.Severity.WARNING);

            clock().advance(Duration.ofMinutes(10));
            awaitDispatcherPass();
            assertThat(sendsTo(phone)).isEmpty();

            String webhook = WebhookIT.statusWebhook("wamid.CRASHED0001", "delivered", phone, id, clock().instant());
            mvc.perform(post("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON).content(webhook)
                            .header("X-Hub-Signature-256", WebhookIT.sign(webhook)))
                    .andExpect(status().isOk());

            Notification resolved = awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT);
            assertThat(resolved.providerMessageId()).isEqualTo("wamid.CRASHED0001");
            assertThat(resolved.deliveryStatus()).isEqualTo("DELIVERED");
            events.await(NotificationSent.class, e -> e.trackingCode().equals(code), 1, WAIT);
        }
        assertThat(sendsTo(phone)).isEmpty();
    }
}
