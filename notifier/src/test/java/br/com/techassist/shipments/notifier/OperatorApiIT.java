package br.com.techassist.shipments.notifier;

import static br.com.techassist.shipments.notifier.SharedWhatsApp.error;
import static br.com.techassist.shipments.notifier.SharedWhatsApp.sendTo;
import static br.com.techassist.shipments.notifier.SharedWhatsApp.sendsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.notifier.notification.NotificationState;
import br.com.techassist.shipments.testsupport.TestApiKeys;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The operator API of the notifier: roles, resolutions, contact corrections that re-open, bulk retry, audit. */
class OperatorApiIT extends NotifierITSupport {

    @Autowired
    MockMvc mvc;

    @Test
    void eachEndpointNeedsItsRole() throws Exception {
        mvc.perform(get("/api/notifications")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/notifications").header("Authorization", TestApiKeys.INTEGRATION)).andExpect(status().isForbidden());
        mvc.perform(get("/api/notifications").header("Authorization", TestApiKeys.AUDITOR)).andExpect(status().isOk());
        mvc.perform(get("/api/parcels/NT000000000BR").header("Authorization", TestApiKeys.AUDITOR))
                .andExpect(status().isNotFound());
        mvc.perform(resolution("x", "sent", TestApiKeys.AUDITOR)).andExpect(status().isForbidden());
        mvc.perform(post("/api/notifications/retry").header("Authorization", TestApiKeys.AUDITOR)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        mvc.perform(resolution("x", "maybe", TestApiKeys.OPERATOR)).andExpect(status().isBadRequest());
        mvc.perform(resolution("no-such-id", "sent", TestApiKeys.OPERATOR)).andExpect(status().isNotFound());
    }

    @Test
    void anUncertainSendConfirmedByAnOperatorIsSentAndNeverResentAndAudited() throws Exception {
        String code = newTrackingCode();
        String phone = newPhone("11");
        Notification uncertain = uncertain(code, phone);

        perform(resolution(uncertain.id(), "sent", TestApiKeys.OPERATOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SENT"));
        perform(resolution(uncertain.id(), "sent", TestApiKeys.OPERATOR)).andExpect(status().isConflict());
        perform(resolution(uncertain.id(), "not-sent", TestApiKeys.OPERATOR)).andExpect(status().isConflict());

        clock().advance(Duration.ofHours(2));
        awaitDispatcherPass();
        assertThat(sendsTo(phone)).hasSize(1);
        mvc.perform(get("/api/audit").param("trackingCode", code).header("Authorization", TestApiKeys.OPERATOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].action").value("notification.resolved.sent"))
                .andExpect(jsonPath("$[0].actor").value(TestApiKeys.OPERATOR_NAME))
                .andExpect(jsonPath("$[0].before.state").value("UNCERTAIN"))
                .andExpect(jsonPath("$[0].after.state").value("SENT"))
                .andExpect(jsonPath("$[0].after.recipient").value(org.hamcrest.Matchers.not(phone)));
    }

    @Test
    void anUncertainSendDeclaredNotSentGoesOutExactlyOnceMore() throws Exception {
        String code = newTrackingCode();
        String phone = newPhone("11");
        Notification uncertain = uncertain(code, phone);
        whatsapp.stubFor(sendTo(phone).willReturn(SharedWhatsApp.accepted()));

        perform(resolution(uncertain.id(), "not-sent", TestApiKeys.OPERATOR)).andExpect(status().isOk());

        awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT);
        clock().advance(Duration.ofHours(2));
        awaitDispatcherPass();
        assertThat(sendsTo(phone)).hasSize(2);
    }

    @Test
    void aCorrectedContactReopensTheArrivedThatFailedForNoWhatsappAndNeverResendsASentOne() throws Exception {
        String failedCode = newTrackingCode();
        String sentCode = newTrackingCode();
        String wrong = newPhone("11");
        String right = newPhone("11");
        whatsapp.stubFor(sendTo(wrong).willReturn(error(400, 131026, "Message undeliverable")));
        publish(contact(failedCode, wrong), statusChanged(failedCode, Milestone.DELIVERED, unit("SAO PAULO", "SP")));
        awaitState(failedCode, NotificationKind.ARRIVED, NotificationState.FAILED);
        String delivered = newPhone("11");
        publish(contact(sentCode, delivered), statusChanged(sentCode, Milestone.DELIVERED, unit("SAO PAULO", "SP")));
        awaitState(sentCode, NotificationKind.ARRIVED, NotificationState.SENT);

        clock().advance(Duration.ofMinutes(5)); // the corrections are newer than the first contacts
        publish(contact(failedCode, right), contact(sentCode, right));

        Notification reopened = awaitState(failedCode, NotificationKind.ARRIVED, NotificationState.SENT);
        assertThat(reopened.recipient()).isEqualTo(right);
        clock().advance(Duration.ofHours(1));
        awaitDispatcherPass();
        assertThat(sendsTo(right)).as("only the failed ARRIVED goes to the corrected number").hasSize(1);
        assertThat(sendsTo(wrong)).hasSize(1);
        assertThat(sendsTo(delivered)).hasSize(1);
    }

    @Test
    void aBulkRetryIsBoundedAndAudited() throws Exception {
        String reason = "100";
        java.util.List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String code = newTrackingCode();
            String phone = newPhone("11");
            whatsapp.stubFor(sendTo(phone).inScenario("bulk-" + phone)
                    .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                    .willReturn(error(400, 100, "Invalid parameter")).willSetStateTo("fixed"));
            whatsapp.stubFor(sendTo(phone).inScenario("bulk-" + phone).whenScenarioStateIs("fixed")
                    .willReturn(SharedWhatsApp.accepted()));
            publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
            awaitState(code, NotificationKind.SHIPPED, NotificationState.FAILED);
            codes.add(code);
        }
        String since = clock().instant().minusSeconds(1).toString();

        perform(post("/api/notifications/retry").header("Authorization", TestApiKeys.OPERATOR)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"state\":\"FAILED\",\"reason\":\"" + reason + "\",\"since\":\"" + since + "\",\"limit\":2}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matched").value(2))
                .andExpect(jsonPath("$.reopened").value(2));

        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> codes.stream()
                .filter(c -> notifications.find(c, NotificationKind.SHIPPED).orElseThrow().state() == NotificationState.SENT)
                .count() == 2);
        long audited = jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'notification.retried' AND tracking_code IN (:codes)")
                .param("codes", codes).query(Long.class).single();
        assertThat(audited).isEqualTo(2);
        perform(post("/api/notifications/retry").header("Authorization", TestApiKeys.OPERATOR)
                .contentType(MediaType.APPLICATION_JSON).content("{\"limit\":501}")).andExpect(status().isBadRequest());
    }

    @Test
    void theParcelViewShowsTheContactInFullOnlyToOperators() throws Exception {
        String code = newTrackingCode();
        String phone = newPhone("11");
        publish(registered(code, "MARIA DA SILVA", "Notebook"), contact(code, phone),
                statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
        awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT);

        perform(get("/api/parcels/" + code).header("Authorization", TestApiKeys.OPERATOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$.contact.whatsappId").value(phone))
                .andExpect(jsonPath("$.contact.name").value("MARIA DA SILVA"))
                .andExpect(jsonPath("$.notifications[0].state").value("SENT"));
        perform(get("/api/parcels/" + code).header("Authorization", TestApiKeys.AUDITOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$.contact.whatsappId").value(org.hamcrest.Matchers.not(phone)))
                .andExpect(jsonPath("$.contact.name").value("M**** D* S****"))
                .andExpect(jsonPath("$.notifications[0].recipient").value(org.hamcrest.Matchers.not(phone)));
        perform(get("/api/notifications").param("state", "SENT").param("size", "5").header("Authorization", TestApiKeys.OPERATOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(org.hamcrest.Matchers.lessThanOrEqualTo(5)))
                .andExpect(jsonPath("$.counts[0].state").value("SENT"));
    }

    /** A SHIPPED whose send answered 500: UNCERTAIN (Cloud API: nothing proves it either way yet). */
    private Notification uncertain(String code, String phone) {
        whatsapp.stubFor(sendTo(phone).willReturn(WireMock.aResponse().withStatus(500)));
        publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
        return awaitState(code, NotificationKind.SHIPPED, NotificationState.UNCERTAIN);
    }

    private static org.springframework.test.web.servlet.RequestBuilder resolution(String id, String outcome, String credential) {
        return post("/api/notifications/" + id + "/resolution").header("Authorization", credential)
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"" + outcome + "\"}");
    }

    private ResultActions perform(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request);
    }
}
