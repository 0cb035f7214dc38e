package br.com.techassist.shipments.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Kafka serde: JSON plus CloudEvents headers out, the right record type back in, clear failures. */
class ShipmentEventSerdeTest {

    private final ShipmentEventSerializer serializer = new ShipmentEventSerializer("/notifier");
    private final ShipmentEventDeserializer deserializer = new ShipmentEventDeserializer();

    static List<Named<ShipmentEvent>> samples() {
        return EventSamples.named(EventSamples.all().stream());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void writesTheCloudEventsHeaders(ShipmentEvent sample) {
        Headers headers = new RecordHeaders();

        serializer.serialize(EventType.of(sample).topic(), headers, sample);

        assertThat(header(headers, "ce_id")).isEqualTo(sample.eventId().toString());
        assertThat(header(headers, "ce_type")).isEqualTo(EventType.of(sample).ceType());
        assertThat(header(headers, "ce_source")).isEqualTo("/notifier");
        assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(headers, "ce_subject")).isEqualTo(sample.trackingCode());
        assertThat(header(headers, "content-type")).isEqualTo("application/json");
        assertThat(OffsetDateTime.parse(header(headers, "ce_time"))).isEqualTo(sample.occurredAt());
    }

    @Test
    void ceTimeIsRfc3339WithSecondsAndTheEventsOffset() {
        Headers headers = new RecordHeaders();

        serializer.serialize(Topics.REGISTERED, headers, EventSamples.shipmentRegistered());

        assertThat(header(headers, "ce_time")).isEqualTo("2026-11-27T10:15:00-03:00");
    }

    @Test
    void ceTypesAreTheContractNames() {
        assertThat(EventType.SHIPMENT_REGISTERED.ceType()).isEqualTo("br.com.techassist.shipments.ShipmentRegistered.v1");
        assertThat(EventType.NOTIFICATION_STATUS_UPDATED.ceType())
                .isEqualTo("br.com.techassist.shipments.NotificationStatusUpdated.v1");
        assertThat(EventType.values()).extracting(EventType::ceType).doesNotHaveDuplicates();
    }

    @Test
    void theSourceComesFromTheProducerConfig() {
        var configured = new ShipmentEventSerializer();
        configured.configure(Map.of(ShipmentEventSerializer.SOURCE_CONFIG, "/tracking-poller"), false);
        Headers headers = new RecordHeaders();

        configured.serialize(Topics.STATUS, headers, EventSamples.shipmentStatusChanged());

        assertThat(header(headers, "ce_source")).isEqualTo("/tracking-poller");
        assertThat(headerValue(new ShipmentEventSerializer(), EventSamples.shipmentStatusChanged(), "ce_source"))
                .isEqualTo("/shipments");
    }

    @Test
    void replacesHeadersInsteadOfRepeatingThem() {
        Headers headers = new RecordHeaders();
        headers.add("ce_type", "stale".getBytes(StandardCharsets.UTF_8));
        headers.add("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8));

        serializer.serialize(Topics.NOTIFICATIONS, headers, EventSamples.notificationSent());

        assertThat(headers.headers("ce_type")).hasSize(1);
        assertThat(header(headers, "ce_type")).isEqualTo(EventType.NOTIFICATION_SENT.ceType());
        assertThat(header(headers, "traceparent")).isEqualTo("00-abc-def-01");
    }

    @Test
    void anAlertWithoutParcelHasNoSubject() {
        Headers headers = new RecordHeaders();

        serializer.serialize(Topics.ALERTS, headers, EventSamples.serviceAlert());

        assertThat(headers.lastHeader("ce_subject")).isNull();
        assertThat(header(headers, "ce_type")).isEqualTo(EventType.SHIPMENT_ALERT.ceType());
    }

    @Test
    void aNullEventIsATombstone() {
        assertThat(serializer.serialize(Topics.STATUS, new RecordHeaders(), null)).isNull();
        assertThat(deserializer.deserialize(Topics.STATUS, new RecordHeaders(), (byte[]) null)).isNull();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void readsEveryTypeBackFromItsCeTypeHeader(ShipmentEvent sample) {
        Headers headers = new RecordHeaders();
        byte[] bytes = serializer.serialize(EventType.of(sample).topic(), headers, sample);

        assertThat(deserializer.deserialize(EventType.of(sample).topic(), headers, bytes)).isEqualTo(sample);
    }

    @Test
    void theHeaderDecidesTheTypeOnTheNotificationsTopic() {
        for (ShipmentEvent sample : List.of(
                EventSamples.notificationSent(), EventSamples.notificationFailed(), EventSamples.notificationStatusUpdated())) {
            Headers headers = new RecordHeaders();
            byte[] bytes = serializer.serialize(Topics.NOTIFICATIONS, headers, sample);

            assertThat(deserializer.deserialize(Topics.NOTIFICATIONS, headers, bytes))
                    .isInstanceOf(sample.getClass())
                    .isEqualTo(sample);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void withoutHeadersTheTopicDecidesWhenItCarriesOneType(ShipmentEvent sample) {
        String topic = EventType.of(sample).topic();
        byte[] bytes = EventJson.write(sample);
        if (EventType.soleTypeOf(topic).isEmpty()) { // notifications, privacy
            assertThatThrownBy(() -> deserializer.deserialize(topic, new RecordHeaders(), bytes))
                    .isInstanceOf(SerializationException.class);
        } else {
            assertThat(deserializer.deserialize(topic, new RecordHeaders(), bytes)).isEqualTo(sample);
            assertThat(deserializer.deserialize(topic, bytes)).isEqualTo(sample);
        }
    }

    @Test
    void failsClearlyWithoutCeTypeOnTheNotificationsTopic() {
        byte[] bytes = EventJson.write(EventSamples.notificationSent());

        assertThatThrownBy(() -> deserializer.deserialize(Topics.NOTIFICATIONS, new RecordHeaders(), bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(Topics.NOTIFICATIONS)
                .hasMessageContaining("no ce_type header")
                .hasMessageContaining("several event types");
    }

    @Test
    void failsClearlyOnAnUnknownCeType() {
        Headers headers = new RecordHeaders();
        headers.add("ce_type", "br.com.techassist.shipments.ParcelTeleported.v1".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> deserializer.deserialize(
                        Topics.STATUS, headers, EventJson.write(EventSamples.shipmentStatusChanged())))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown ce_type 'br.com.techassist.shipments.ParcelTeleported.v1'")
                .hasMessageContaining(Topics.STATUS);
    }

    @Test
    void failsClearlyOnACeTypeHeaderWithoutValue() {
        Headers headers = new RecordHeaders();
        headers.add("ce_type", null);

        assertThatThrownBy(() -> deserializer.deserialize(
                        Topics.NOTIFICATIONS, headers, EventJson.write(EventSamples.notificationSent())))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("empty ce_type");
    }

    @Test
    void failsClearlyOnGarbage() {
        Headers headers = new RecordHeaders();
        byte[] garbage = "{not json at all".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.REGISTERED, headers, garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot read " + EventType.SHIPMENT_REGISTERED.ceType() + " from " + Topics.REGISTERED);
    }

    @Test
    void failsClearlyOnAWrongValueType() {
        byte[] json = """
                {"eventId":"68a1f485-c0fe-5c39-8a7e-56651278ad67","occurredAt":"2026-11-27T10:15:00-03:00",
                 "trackingCode":"DG049186226BR","milestone":"TELEPORTED","terminal":false}"""
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.STATUS, new RecordHeaders(), json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("TELEPORTED");
    }

    @Test
    void failsClearlyWhenTheIdentityFieldsAreMissing() {
        byte[] noId = """
                {"occurredAt":"2026-11-27T10:15:00-03:00","trackingCode":"DG049186226BR","source":"MANUAL"}"""
                .getBytes(StandardCharsets.UTF_8);
        byte[] noCode = """
                {"eventId":"68a1f485-c0fe-5c39-8a7e-56651278ad67","occurredAt":"2026-11-27T10:15:00-03:00","source":"MANUAL"}"""
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.REGISTERED, new RecordHeaders(), noId))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("lacks eventId or trackingCode");
        assertThatThrownBy(() -> deserializer.deserialize(Topics.REGISTERED, new RecordHeaders(), noCode))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("lacks eventId or trackingCode");
    }

    @Test
    void anAlertMayHaveNoTrackingCode() {
        Headers headers = new RecordHeaders();
        byte[] bytes = serializer.serialize(Topics.ALERTS, headers, EventSamples.serviceAlert());

        assertThat(deserializer.deserialize(Topics.ALERTS, headers, bytes)).isEqualTo(EventSamples.serviceAlert());
    }

    @Test
    void theSerializerRefusesAnEventWithoutIdOrTime() {
        var noId = new NotificationSent(null, EventSamples.OCCURRED_AT, "DG049186226BR", NotificationKind.SHIPPED, "x", "y", "z");
        var noTime = new NotificationSent(
                EventSamples.notificationSent().eventId(), null, "DG049186226BR", NotificationKind.SHIPPED, "x", "y", "z");

        assertThatThrownBy(() -> serializer.serialize(Topics.NOTIFICATIONS, new RecordHeaders(), noId))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("eventId");
        assertThatThrownBy(() -> serializer.serialize(Topics.NOTIFICATIONS, new RecordHeaders(), noTime))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("occurredAt");
    }

    private static String headerValue(ShipmentEventSerializer serializer, ShipmentEvent event, String name) {
        Headers headers = new RecordHeaders();
        serializer.serialize(EventType.of(event).topic(), headers, event);
        return header(headers, name);
    }

    static String header(Headers headers, String name) {
        var header = headers.lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
