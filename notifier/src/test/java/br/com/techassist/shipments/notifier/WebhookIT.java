package br.com.techassist.shipments.notifier;

import static br.com.techassist.shipments.notifier.SharedWhatsApp.sendsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.model.NotificationStatusUpdated;
import br.com.techassist.shipments.model.NotificationStatusUpdated.DeliveryStatus;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.notifier.notification.NotificationState;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

class WebhookIT extends NotifierITSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    @Test
    void theVerificationChallengeIsAnsweredOnlyWithTheRightToken() throws Exception {
        mvc.perform(get("/webhooks/whatsapp").param("hub.mode", "subscribe").param("hub.verify_token", "test-verify-token")
                        .param("hub.challenge", "1158201444"))
                .andExpect(status().isOk())
                .andExpect(content().string("1158201444"));
        mvc.perform(get("/webhooks/whatsapp").param("hub.mode", "subscribe").param("hub.verify_token", "guess")
                        .param("hub.challenge", "1158201444"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aBadOrMissingSignatureIsRefusedWith401AndChangesNothing() throws Exception {
        Notification sent = sentShipped(newPhone("11"));
        String body = statusWebhook(sent.providerMessageId(), "read", sent.recipient(), sent.id(), Instant.now());

        mvc.perform(post("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("X-Hub-Signature-256", "sha256=" + "0".repeat(64)))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON).content(body + " ")
                        .header("X-Hub-Signature-256", sign(body)))
                .andExpect(status().isUnauthorized());

        assertThat(notifications.findById(sent.id()).orElseThrow().deliveryStatus()).isNull();
    }

    @Test
    void statusesArrivingOutOfOrderNeverGoBack() throws Exception {
        Notification sent = sentShipped(newPhone("11"));
        double ignoredBefore = ignoredStatuses();
        try (var events = TopicRecorder.start(Topics.NOTIFICATIONS)) {
            postSigned(statusWebhook(sent.providerMessageId(), "sent", sent.recipient(), null, Instant.now().minusSeconds(30)))
                    .andExpect(status().isOk());
            postSigned(statusWebhook(sent.providerMessageId(), "read", sent.recipient(), null, Instant.now().minusSeconds(10)))
                    .andExpect(status().isOk());
            postSigned(statusWebhook(sent.providerMessageId(), "delivered", sent.recipient(), null, Instant.now().minusSeconds(20)))
                    .andExpect(status().isOk());
            postSigned(statusWebhook(sent.providerMessageId(), "sent", sent.recipient(), null, Instant.now().minusSeconds(30)))
                    .andExpect(status().isOk());

            Notification after = notifications.findById(sent.id()).orElseThrow();
            assertThat(after.deliveryStatus()).isEqualTo("READ");
            assertThat(after.state()).isEqualTo(NotificationState.SENT);
            assertThat(ignoredStatuses() - ignoredBefore).isEqualTo(2.0);
            var updates = events.await(NotificationStatusUpdated.class, e -> e.trackingCode().equals(sent.trackingCode()), 2, WAIT);
            assertThat(updates).extracting(NotificationStatusUpdated::status)
                    .containsExactly(DeliveryStatus.SENT, DeliveryStatus.READ);
            assertThat(updates.getLast().providerMessageId()).isEqualTo(sent.providerMessageId());
            assertThat(updates.getLast().recipient()).doesNotContain(sent.recipient());
        }
    }

    @Test
    void anOptOutKeywordStopsEveryFurtherMessageEvenFromTheTwelveDigitId() throws Exception {
        String phone = newPhone("11");
        String twelveDigitWaId = phone.substring(0, 4) + phone.substring(5); // the account id without the ninth digit
        postSigned(inboundText(twelveDigitWaId, "Párar!")).andExpect(status().isOk());

        String code = newTrackingCode();
        publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));

        Notification suppressed = awaitState(code, NotificationKind.SHIPPED, NotificationState.SUPPRESSED);
        assertThat(suppressed.reason()).isEqualTo("opted_out");
        assertThat(sendsTo(phone)).isEmpty();
    }

    private Notification sentShipped(String phone) {
        String code = newTrackingCode();
        publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
        return awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT);
    }

    private double ignoredStatuses() {
        return meters.find("notifier.webhook.statuses").tag("applied", "false").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private ResultActions postSigned(String body) throws Exception {
        return mvc.perform(post("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("X-Hub-Signature-256", sign(body)));
    }

    /** {@code X-Hub-Signature-256} as Meta computes it with the test app secret. */
    static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-app-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** A Cloud API status webhook for one message. */
    static String statusWebhook(String messageId, String status, String recipient, String callbackData, Instant at) {
        String callback = callbackData == null ? "" : ", \"biz_opaque_callback_data\": \"" + callbackData + "\"";
        return """
                { "object": "whatsapp_business_account",
                  "entry": [ { "id": "102290129340398", "changes": [ { "field": "messages", "value": {
                    "messaging_product": "whatsapp",
                    "metadata": { "display_phone_number": "15550001111", "phone_number_id": "106540352242922" },
                    "statuses": [ { "id": "%s", "status": "%s", "timestamp": "%d", "recipient_id": "%s"%s,
                      "pricing": { "billable": true, "pricing_model": "PMP", "category": "utility" } } ] } } ] } ] }"""
                .formatted(messageId, status, at.getEpochSecond(), recipient, callback);
    }

    /** A Cloud API inbound text message webhook. */
    static String inboundText(String from, String text) {
        return """
                { "object": "whatsapp_business_account",
                  "entry": [ { "id": "102290129340398", "changes": [ { "field": "messages", "value": {
                    "messaging_product": "whatsapp",
                    "metadata": { "display_phone_number": "15550001111", "phone_number_id": "106540352242922" },
                    "contacts": [ { "profile": { "name": "Cliente" }, "wa_id": "%s" } ],
                    "messages": [ { "from": "%s", "id": "wamid.IN%d", "timestamp": "%d", "type": "text",
                      "text": { "body": "%s" } } ] } } ] } ] }"""
                .formatted(from, from, System.nanoTime(), Instant.now().getEpochSecond(), text);
    }
}
