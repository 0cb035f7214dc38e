package br.com.techassist.shipments.notifier;

import static br.com.techassist.shipments.notifier.SharedWhatsApp.sendsTo;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.Address;
import br.com.techassist.shipments.model.ContactValidated.ContactStatus;
import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.model.NotificationSent;
import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.ShipmentStatusChanged;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.notifier.notification.NotificationState;
import br.com.techassist.shipments.notifier.parcel.Parcel;
import br.com.techassist.shipments.testsupport.PartitionWriter;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TwoMessageRuleIT extends NotifierITSupport {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MeterRegistry meters;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theSameStatusEventDeliveredFiveTimesSendsOneMessage() {
        String code = newTrackingCode();
        String phone = newPhone("11");
        ShipmentStatusChanged posted = statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP"));
        publish(registered(code, "JOAO PEREIRA", "Smartphone Galaxy A54"), contact(code, phone));
        publish(posted, posted, posted, posted, posted);

        awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT);
        publish(posted, statusChanged(code, Milestone.DELIVERED, unit("CAMPINAS", "SP")), posted);
        awaitState(code, NotificationKind.ARRIVED, NotificationState.SENT);
        awaitDispatcherPass();

        assertThat(templatesSentTo(phone)).containsExactly("envio_postado", "envio_entregue");
    }

    @Test
    void aStatusBeforeTheContactWaitsForTheContact() {
        String code = newTrackingCode();
        String phone = newPhone("21");
        publish(registered(code, "ANA SOUZA", "Notebook"), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));

        Notification waiting = awaitState(code, NotificationKind.SHIPPED, NotificationState.PENDING);
        awaitDispatcherPass();
        assertThat(notifications.findById(waiting.id()).orElseThrow().state()).isEqualTo(NotificationState.PENDING);
        assertThat(sendsTo(phone)).isEmpty();

        publish(contact(code, phone));
        awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT);
        assertThat(sendsTo(phone)).hasSize(1);
    }

    @Test
    void aContactBeforeTheStatusSendsAsSoonAsItIsPostedWithTheParcelsData() throws Exception {
        String code = newTrackingCode();
        String phone = newPhone("31");
        try (var notificationsTopic = TopicRecorder.start(Topics.NOTIFICATIONS)) {
            publish(contact(code, phone), registered(code, "MARIA DA SILVA", "Notebook Dell Inspiron 15"));
            publish(statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));

            Notification sent = awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT);
            NotificationSent event = notificationsTopic.await(NotificationSent.class, e -> e.trackingCode().equals(code), 1, WAIT)
                    .getFirst();

            assertThat(event.kind()).isEqualTo(NotificationKind.SHIPPED);
            assertThat(event.provider()).isEqualTo("cloud-api");
            assertThat(event.providerMessageId()).isEqualTo(sent.providerMessageId()).startsWith("wamid.");
            assertThat(event.recipient()).doesNotContain(phone).endsWith(phone.substring(phone.length() - 4));
        }
        JsonNode body = JSON.readTree(sendsTo(phone).getFirst().getBodyAsString());
        assertThat(body.path("to").asString()).isEqualTo(phone);
        assertThat(body.path("biz_opaque_callback_data").asString()).isEqualTo(Notification.idFor(code, NotificationKind.SHIPPED));
        assertThat(parameters(body)).containsExactly("Maria", "Notebook Dell Inspiron 15", code, "Sao Paulo/SP",
                "https://rastreamento.correios.com.br/app/index.php?objeto=" + code);
    }

    @Test
    void aParcelFirstSeenDeliveredGetsOnlyArrived() {
        String code = newTrackingCode();
        String phone = newPhone("41");
        publish(contact(code, phone), statusChanged(code, Milestone.DELIVERED, unit("CURITIBA", "PR")));

        awaitState(code, NotificationKind.ARRIVED, NotificationState.SENT);
        Notification shipped = awaitState(code, NotificationKind.SHIPPED, NotificationState.SUPPRESSED);
        assertThat(shipped.reason()).isEqualTo("superseded");

        publish(statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP"), now().minusDays(3))); // late
        awaitParcel(code, p -> p.originFromPosted());
        awaitDispatcherPass();
        assertThat(templatesSentTo(phone)).containsExactly("envio_entregue");
        assertThat(notifications.find(code, NotificationKind.SHIPPED).orElseThrow().state())
                .isEqualTo(NotificationState.SUPPRESSED);
    }

    @Test
    void awaitingPickupSendsArrivedWithTheUnitsAddress() throws Exception {
        String code = newTrackingCode();
        String phone = newPhone("68");
        Address address = new Address("RUA CORONEL BRANDAO", "123", null, "CENTRO", "XAPURI", "AC", "69930000");
        publish(registered(code, "CARLOS LIMA", "Impressora HP"), contact(code, phone),
                statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP"), now().minusDays(4)));
        awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT);

        publish(statusChanged(code, Milestone.AWAITING_PICKUP, pickupUnit("XAPURI", "AC", address)));
        awaitState(code, NotificationKind.ARRIVED, NotificationState.SENT);

        List<LoggedRequest> sends = sendsTo(phone);
        JsonNode arrived = JSON.readTree(sends.getLast().getBodyAsString());
        assertThat(arrived.path("template").path("name").asString()).isEqualTo("envio_aguardando_retirada");
        assertThat(parameters(arrived)).containsExactly("Carlos", "Impressora HP", code,
                "Rua Coronel Brandao, 123 - Centro, Xapuri/AC, CEP 69930-000",
                "https://rastreamento.correios.com.br/app/index.php?objeto=" + code);
    }

    @Test
    void arrivedGoesToTheWhatsappIdTheProviderReportedForShipped() {
        String code = newTrackingCode();
        String phone = newPhone("43");
        String oldAccountId = phone.substring(0, 4) + phone.substring(5); // registered before the ninth digit
        whatsapp.stubFor(SharedWhatsApp.sendTo(phone).willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                { "messaging_product": "whatsapp", "contacts": [ { "input": "%s", "wa_id": "%s" } ],
                  "messages": [ { "id": "wamid.OLDACCOUNT%s" } ] }""".formatted(phone, oldAccountId, code))));
        publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("LONDRINA", "PR")));
        assertThat(awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT).waId()).isEqualTo(oldAccountId);

        publish(statusChanged(code, Milestone.DELIVERED, unit("LONDRINA", "PR")));

        assertThat(awaitState(code, NotificationKind.ARRIVED, NotificationState.SENT).recipient()).isEqualTo(oldAccountId);
        assertThat(templatesSentTo(oldAccountId)).containsExactly("envio_entregue");
    }

    @Test
    void aNumberWithoutWhatsappIsSuppressedWithAnAlert() {
        String code = newTrackingCode();
        String phone = newPhone("51");
        try (var alerts = TopicRecorder.start(Topics.ALERTS)) {
            publish(contact(code, phone, ContactStatus.NO_WHATSAPP), statusChanged(code, Milestone.POSTED, unit("PORTO ALEGRE", "RS")));

            Notification shipped = awaitState(code, NotificationKind.SHIPPED, NotificationState.SUPPRESSED);
            assertThat(shipped.reason()).isEqualTo("no_whatsapp");
            ShipmentAlert alert = alerts.await(ShipmentAlert.class, a -> code.equals(a.trackingCode()), 1, WAIT).getFirst();
            assertThat(alert.type()).isEqualTo(ShipmentAlert.AlertType.NO_WHATSAPP);
            assertThat(alert.details()).containsEntry("kind", "SHIPPED").containsEntry("contactStatus", "NO_WHATSAPP");
        }
        assertThat(sendsTo(phone)).isEmpty();
    }

    @Test
    void anEventWithAnInvalidTrackingCodeGoesToTheDeadLetterTopic() {
        try (var dlt = TopicRecorder.start(Topics.deadLetter(Topics.STATUS))) {
            var bad = new ShipmentStatusChanged(UUID.randomUUID(), now(), "XX123BR", Milestone.POSTED, null, false, false,
                    null, null);
            publish(bad);

            var records = org.awaitility.Awaitility.await().atMost(WAIT)
                    .until(dlt::records, r -> r.stream().anyMatch(rec -> "XX123BR".equals(rec.key())));
            var record = records.stream().filter(rec -> "XX123BR".equals(rec.key())).findFirst().orElseThrow();
            assertThat(new String(record.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                    .contains("invalid tracking code");
        }
    }

    @Test
    void inABatchOnlyThePoisonRecordsAreDeadLetteredAndTheEventsAroundThemAreApplied() {
        String first = newTrackingCode(), second = newTrackingCode();
        String firstPhone = newPhone("41"), secondPhone = newPhone("41");
        publish(contact(first, firstPhone), contact(second, secondPhone));
        awaitParcel(second, Parcel::contactKnown);
        double deadLettersBefore = meters.counter("shipments_dead_letters", "topic", Topics.STATUS).count();
        try (var dlt = TopicRecorder.start(Topics.deadLetter(Topics.STATUS));
                var writer = PartitionWriter.to(Topics.STATUS, 0)) {
            listeners.stop();
            writer.send(first, statusChanged(first, Milestone.POSTED, unit("CURITIBA", "PR")));
            writer.send(second, statusChanged(second, Milestone.POSTED, unit("CURITIBA", "PR")));
            writer.send("XX123BR", new ShipmentStatusChanged(UUID.randomUUID(), now(), "XX123BR", Milestone.POSTED, null,
                    false, false, null, null));
            writer.sendRaw("garbage", "{not json".getBytes(StandardCharsets.UTF_8));
            writer.send(first, statusChanged(first, Milestone.DELIVERED, unit("LONDRINA", "PR")));
            listeners.start();

            awaitState(first, NotificationKind.ARRIVED, NotificationState.SENT);
            awaitState(second, NotificationKind.SHIPPED, NotificationState.SENT);
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> dlt.records().size() >= 2);
            assertThat(dlt.records()).extracting(r -> r.key()).containsExactly("XX123BR", "garbage");
            assertThat(meters.counter("shipments_dead_letters", "topic", Topics.STATUS).count() - deadLettersBefore)
                    .isEqualTo(2);
            assertThat(parcels.find(first).orElseThrow().arrivalMilestone()).isEqualTo(Milestone.DELIVERED);
        } finally {
            listeners.start();
        }
    }

    @Test
    void aRedeliveredBatchChangesNothingAndSendsNothing() {
        String code = newTrackingCode();
        String phone = newPhone("51");
        publish(registered(code, "CARLA LIMA", "Tablet"), contact(code, phone));
        awaitParcel(code, Parcel::contactKnown);
        try (var writer = PartitionWriter.to(Topics.STATUS, 0)) {
            long from = writer.send(code, statusChanged(code, Milestone.POSTED, unit("RECIFE", "PE")));
            writer.send(code, statusChanged(code, Milestone.DELIVERED, unit("OLINDA", "PE")));
            awaitState(code, NotificationKind.ARRIVED, NotificationState.SENT);
            writer.awaitCommitted("notifier", from + 2);
            var parcelBefore = parcels.find(code).orElseThrow();
            var notificationsBefore = rowsOf(code);

            listeners.stop();
            writer.rewind("notifier", from);
            listeners.start();
            writer.awaitCommitted("notifier", from + 2);
            awaitDispatcherPass();

            assertThat(parcels.find(code)).contains(parcelBefore);
            assertThat(rowsOf(code)).isEqualTo(notificationsBefore);
            assertThat(templatesSentTo(phone)).hasSameSizeAs(notificationsBefore.stream()
                    .filter(n -> "SENT".equals(n.get("state"))).toList());
        } finally {
            listeners.start();
        }
    }

    private List<java.util.Map<String, Object>> rowsOf(String code) {
        return jdbc.sql("SELECT * FROM notification WHERE tracking_code = ? ORDER BY kind").param(code).query().listOfRows();
    }

    static List<String> templatesSentTo(String phone) {
        return sendsTo(phone).stream()
                .map(r -> JSON.readTree(r.getBodyAsString()).path("template").path("name").asString())
                .toList();
    }

    static List<String> parameters(JsonNode body) {
        return body.path("template").path("components").path(0).path("parameters").valueStream()
                .map(p -> p.path("text").asString())
                .toList();
    }
}
