package br.com.techassist.shipments.notifier;

import static br.com.techassist.shipments.notifier.SharedWhatsApp.sendTo;
import static br.com.techassist.shipments.notifier.SharedWhatsApp.sendsTo;
import static br.com.techassist.shipments.notifier.TwoMessageRuleIT.templatesSentTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.model.NotificationSent;
import br.com.techassist.shipments.model.NotificationStatusUpdated;
import br.com.techassist.shipments.model.PersonalDataErasureRequested.Reason;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.notifier.notification.NotificationState;
import br.com.techassist.shipments.notifier.notification.OptOuts;
import br.com.techassist.shipments.notifier.parcel.Parcel;
import br.com.techassist.shipments.support.privacy.PersonalDataHolder;
import br.com.techassist.shipments.testsupport.TestApiKeys;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The notifier's part of the LGPD erasure ({@link PersonalDataHolder}), called as service-support's
 * listener calls it: every column that held the parcel's personal data is emptied, what was sent
 * stays, nothing is sent or stored afterwards.
 */
class PersonalDataErasureIT extends NotifierITSupport {

    private static final Instant LONG_AGO = Instant.parse("1975-01-01T00:00:00Z");

    @Autowired
    PersonalDataHolder holder;

    @Autowired
    OptOuts optOuts;

    @Autowired
    MockMvc mvc;

    @Test
    void erasureEmptiesEveryPersonalColumnKeepsWhatWasSentAndSuppressesWhatWasNot() throws Exception {
        String code = newTrackingCode();
        String phone = newPhone("68");
        publish(registered(code, "MARIA DA SILVA", "Remedio controlado"), contact(code, phone),
                statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
        Notification shipped = awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT);
        assertThat(shipped.waId()).isEqualTo(phone);
        // ARRIVED due at night: it waits for the sending window
        clock().set(Instant.parse("2026-11-28T02:30:00Z"));
        publish(statusChanged(code, Milestone.DELIVERED, unit("XAPURI", "AC")));
        awaitNotification(code, NotificationKind.ARRIVED,
                n -> n.state() == NotificationState.PENDING && "quiet hours".equals(n.reason()));

        assertThat(holder.erase(code, Reason.REQUEST)).as("the parcel and both messages").isEqualTo(3);

        Map<String, Object> parcel = jdbc.sql("SELECT recipient_name, product, e164, whatsapp_id, erased_at FROM parcel"
                + " WHERE tracking_code = ?").param(code).query().singleRow();
        assertThat(parcel.get("recipient_name")).isNull();
        assertThat(parcel.get("product")).isNull();
        assertThat(parcel.get("e164")).isNull();
        assertThat(parcel.get("whatsapp_id")).isNull();
        assertThat(((Timestamp) parcel.get("erased_at")).toInstant()).isEqualTo(clock().instant());
        for (Map<String, Object> row : jdbc.sql("SELECT recipient, wa_id, message_digest FROM notification WHERE tracking_code = ?")
                .param(code).query().listOfRows()) {
            assertThat(row).as("notification columns").containsEntry("recipient", null).containsEntry("wa_id", null)
                    .containsEntry("message_digest", null);
        }
        assertNothingOf(code, phone, "MARIA", "Remedio");

        Notification sentAfter = notifications.find(code, NotificationKind.SHIPPED).orElseThrow();
        assertThat(sentAfter.state()).isEqualTo(NotificationState.SENT);
        assertThat(sentAfter.providerMessageId()).isEqualTo(shipped.providerMessageId());
        assertThat(sentAfter.provider()).isEqualTo(shipped.provider());
        assertThat(sentAfter.attempts()).isEqualTo(shipped.attempts());
        assertThat(sentAfter.claimedAt()).isEqualTo(shipped.claimedAt());
        assertThat(sentAfter.eventAt()).isEqualTo(shipped.eventAt());
        assertThat(sentAfter.updatedAt()).isEqualTo(shipped.updatedAt());
        Notification arrived = notifications.find(code, NotificationKind.ARRIVED).orElseThrow();
        assertThat(arrived.state()).isEqualTo(NotificationState.SUPPRESSED);
        assertThat(arrived.reason()).isEqualTo("erased");

        assertThat(holder.erase(code, Reason.REQUEST)).as("a second erasure").isZero();

        clock().set(Instant.parse("2026-11-28T15:00:00Z")); // the sending window is open again
        awaitDispatcherPass();
        assertThat(templatesSentTo(phone)).containsExactly("envio_postado");
    }

    @Test
    void aMessageWaitingForItsContactIsSuppressedAndALaterContactStoresNoNumberAndMakesNothingDue() {
        String code = newTrackingCode();
        String phone = newPhone("21");
        publish(registered(code, "ANA SOUZA", "Notebook"), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
        awaitState(code, NotificationKind.SHIPPED, NotificationState.PENDING);

        assertThat(holder.erase(code, Reason.RETENTION)).isEqualTo(2);
        Notification shipped = notifications.find(code, NotificationKind.SHIPPED).orElseThrow();
        assertThat(shipped.state()).isEqualTo(NotificationState.SUPPRESSED);
        assertThat(shipped.reason()).isEqualTo("erased");

        publish(contact(code, phone), statusChanged(code, Milestone.DELIVERED, unit("RIO DE JANEIRO", "RJ")));
        Parcel parcel = awaitParcel(code, p -> p.contactKnown() && p.arrivalMilestone() != null);
        assertThat(parcel.e164()).isNull();
        assertThat(parcel.whatsappId()).isNull();
        Notification arrived = awaitState(code, NotificationKind.ARRIVED, NotificationState.SUPPRESSED);
        assertThat(arrived.reason()).isEqualTo("erased");
        assertThat(notifications.find(code, NotificationKind.SHIPPED).orElseThrow().state()).isEqualTo(NotificationState.SUPPRESSED);

        awaitDispatcherPass();
        assertThat(sendsTo(phone)).isEmpty();
        assertNothingOf(code, phone, "ANA", "Notebook");
        assertThat(holder.erase(code, Reason.RETENTION)).isZero();
    }

    @Test
    void aParcelErasedBeforeTheNotifierKnewItTakesNoPersonalDataLater() {
        String code = newTrackingCode();
        String phone = newPhone("11");

        assertThat(holder.erase(code, Reason.REQUEST)).as("a placeholder that remembers the erasure").isEqualTo(1);
        assertThat(holder.erase(code, Reason.REQUEST)).isZero();

        publish(registered(code, "JOAO PEREIRA", "Camera"), contact(code, phone),
                statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
        awaitParcel(code, p -> p.contactKnown() && p.shippedEventAt() != null);
        assertThat(awaitState(code, NotificationKind.SHIPPED, NotificationState.SUPPRESSED).reason()).isEqualTo("erased");

        awaitDispatcherPass();
        assertThat(sendsTo(phone)).isEmpty();
        assertNothingOf(code, phone, "JOAO", "Camera");
    }

    @Test
    void anUncertainSendIsSettledAsErasedNotReconciledAndAStatusWebhookStillRecordsItsDeliveryWithoutTheNumber()
            throws Exception {
        String code = newTrackingCode();
        String phone = newPhone("11");
        whatsapp.stubFor(sendTo(phone).willReturn(WireMock.aResponse().withStatus(500)));
        publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
        Notification uncertain = awaitState(code, NotificationKind.SHIPPED, NotificationState.UNCERTAIN);

        assertThat(holder.erase(code, Reason.REQUEST)).isEqualTo(2);
        Notification erased = notifications.findById(uncertain.id()).orElseThrow();
        assertThat(erased.state()).isEqualTo(NotificationState.SUPPRESSED);
        assertThat(erased.reason()).isEqualTo("erased");
        assertThat(erased.reconcileNextAt()).as("no more reconciliation").isNull();
        assertThat(erased.attempts()).as("the attempt is still seen").isEqualTo(1);

        clock().advance(Duration.ofHours(2)); // past every reconciliation step
        awaitDispatcherPass();
        assertThat(sendsTo(phone)).as("never resent").hasSize(1);

        try (var events = TopicRecorder.start(Topics.NOTIFICATIONS)) {
            String webhook = WebhookIT.statusWebhook("wamid.ERASED" + code, "delivered", phone, uncertain.id(), clock().instant());
            mvc.perform(post("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON).content(webhook)
                            .header("X-Hub-Signature-256", WebhookIT.sign(webhook)))
                    .andExpect(status().isOk());

            Notification delivered = awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT); // the webhook proves it went out
            assertThat(delivered.deliveryStatus()).isEqualTo("DELIVERED");
            assertThat(delivered.providerMessageId()).isEqualTo("wamid.ERASED" + code);
            assertThat(delivered.recipient()).isNull();
            assertThat(delivered.waId()).isNull();
            assertThat(events.await(NotificationSent.class, e -> e.trackingCode().equals(code), 1, WAIT).getFirst().recipient())
                    .isEqualTo("-");
            assertThat(events.await(NotificationStatusUpdated.class, e -> e.trackingCode().equals(code), 1, WAIT).getFirst()
                    .recipient()).isEqualTo("-");
        }
        assertNothingOf(code, phone);
    }

    @Test
    void aSendInFlightDuringTheErasureIsRecordedSentWithoutTheNumberTheProviderReports() {
        String code = newTrackingCode();
        String phone = newPhone("11");
        whatsapp.stubFor(sendTo(phone).willReturn(SharedWhatsApp.accepted().withFixedDelay(2_000)));
        publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
        awaitState(code, NotificationKind.SHIPPED, NotificationState.SENDING);

        assertThat(holder.erase(code, Reason.REQUEST)).isEqualTo(2);

        Notification sent = awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT);
        assertThat(sent.providerMessageId()).startsWith("wamid.");
        assertThat(sent.recipient()).isNull();
        assertThat(sent.waId()).as("the wa_id the provider reported").isNull();
        assertNothingOf(code, phone);
    }

    @Test
    void theOperatorApiShowsAnErasedParcelWithoutContactAndRefusesToSendItsMessages() throws Exception {
        String code = newTrackingCode();
        String phone = newPhone("11");
        whatsapp.stubFor(sendTo(phone).willReturn(SharedWhatsApp.error(400, 131026, "Message undeliverable")));
        publish(registered(code, "CARLA LIMA", "Livro"), contact(code, phone),
                statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
        Notification failed = awaitState(code, NotificationKind.SHIPPED, NotificationState.FAILED);
        holder.erase(code, Reason.REQUEST);

        mvc.perform(get("/api/parcels/" + code).header("Authorization", TestApiKeys.OPERATOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.erased").value(true))
                .andExpect(jsonPath("$.erasedAt").value(clock().instant().toString()))
                .andExpect(jsonPath("$.contact").doesNotExist())
                .andExpect(jsonPath("$.product").doesNotExist())
                .andExpect(jsonPath("$.notifications[0].state").value("FAILED"))
                .andExpect(jsonPath("$.notifications[0].recipient").doesNotExist());
        mvc.perform(get("/api/parcels/" + code).header("Authorization", TestApiKeys.AUDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contact").doesNotExist());
        mvc.perform(get("/api/notifications").param("state", "FAILED").header("Authorization", TestApiKeys.AUDITOR))
                .andExpect(status().isOk());
        mvc.perform(post("/api/notifications/" + failed.id() + "/resolution").header("Authorization", TestApiKeys.OPERATOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"not-sent\"}"))
                .andExpect(status().isConflict());
        assertThat(notifications.findById(failed.id()).orElseThrow().state()).isEqualTo(NotificationState.FAILED);
    }

    @Test
    void aCustomerWhoOptedOutStaysOptedOutAfterTheErasureOfTheirParcel() {
        String phone = newPhone("68");
        String first = newTrackingCode();
        publish(contact(first, phone), statusChanged(first, Milestone.POSTED, unit("SAO PAULO", "SP")));
        awaitState(first, NotificationKind.SHIPPED, NotificationState.SENT);
        assertThat(optOuts.record(phone, "SAIR")).isTrue();

        holder.erase(first, Reason.REQUEST);

        String next = newTrackingCode();
        publish(contact(next, phone), statusChanged(next, Milestone.POSTED, unit("SAO PAULO", "SP")));
        assertThat(awaitState(next, NotificationKind.SHIPPED, NotificationState.SUPPRESSED).reason()).isEqualTo("opted_out");
        assertThat(sendsTo(phone)).hasSize(1);
    }

    @Test
    void theOldestPersonalDataIsThatOfTheOldestParcelNotErased() {
        jdbc.sql("SELECT tracking_code FROM parcel WHERE created_at < ? AND erased_at IS NULL")
                .param(Timestamp.from(LONG_AGO.plus(Duration.ofDays(365)))).query(String.class).list()
                .forEach(leftOver -> holder.erase(leftOver, Reason.RETENTION)); // from an earlier run cut short
        String code = newTrackingCode();
        publish(registered(code, "ANA SOUZA", "Notebook"));
        awaitParcel(code, p -> p.recipientName() != null);
        jdbc.sql("UPDATE parcel SET created_at = ? WHERE tracking_code = ?").params(Timestamp.from(LONG_AGO), code).update();

        assertThat(holder.oldestHeld()).contains(LONG_AGO);

        holder.erase(code, Reason.RETENTION);
        assertThat(holder.oldestHeld().orElse(Instant.MAX)).isAfter(LONG_AGO);
    }

    /** No column of the parcel's rows holds the number (in any form) or these words. */
    private void assertNothingOf(String code, String phone, String... words) {
        String national = phone.substring(4); // the number without 55 and the DDD
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("SELECT * FROM parcel WHERE tracking_code = ?").param(code).query().listOfRows());
        rows.addAll(jdbc.sql("SELECT * FROM notification WHERE tracking_code = ?").param(code).query().listOfRows());
        for (Map<String, Object> row : rows) {
            row.forEach((column, value) -> {
                String text = String.valueOf(value);
                assertThat(text).as(column).doesNotContain(national.substring(1)).doesNotContain(national.substring(0, 8));
                for (String word : words) {
                    assertThat(text).as(column).doesNotContainIgnoringCase(word);
                }
            });
        }
    }
}
