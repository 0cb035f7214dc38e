package br.com.techassist.shipments.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON form of every event: lossless, tolerant of unknown fields, offsets kept, nulls left out. */
class EventJsonTest {

    /** For editing JSON as a tree without losing the scale of decimals ({@code 89.50} stays {@code 89.50}). */
    private static final JsonMapper TREES = EventJson.configure(JsonMapper.builder())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    static List<Named<ShipmentEvent>> samples() {
        return EventSamples.named(EventSamples.all().stream());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleSetsEveryField(ShipmentEvent sample) {
        // so the round trip and the schema validation cover every field, nested records included
        assertEveryComponentSet(sample, sample.getClass().getSimpleName());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void roundTripsWithoutLoss(ShipmentEvent sample) {
        byte[] json = EventJson.write(sample);

        assertThat(EventJson.read(json, sample.getClass())).isEqualTo(sample);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void ignoresFieldsItDoesNotKnow(ShipmentEvent sample) {
        ObjectNode json = (ObjectNode) TREES.readTree(EventJson.write(sample));
        json.put("addedInAFutureVersion", "whatever");
        json.putObject("anotherNewThing").put("nested", 42).putArray("list").add(1);

        assertThat(EventJson.read(TREES.writeValueAsBytes(json), sample.getClass()))
                .isEqualTo(sample);
    }

    @Test
    void ignoresUnknownFieldsInNestedRecordsToo() {
        ShipmentRegistered sample = EventSamples.shipmentRegistered();
        ObjectNode json = (ObjectNode) TREES.readTree(EventJson.write(sample));
        ((ObjectNode) json.get("recipient")).put("cpf", "123.456.789-09");
        ((ObjectNode) json.get("recipient").get("address")).put("latitude", -23.5);
        ((ObjectNode) json.get("contents").get(0)).put("ncm", "8471.30.12");

        assertThat(EventJson.read(TREES.writeValueAsBytes(json), ShipmentRegistered.class))
                .isEqualTo(sample);
    }

    @Test
    void timesKeepTheirOffsetOnTheWireAndBack() {
        ShipmentStatusChanged sample = EventSamples.shipmentStatusChanged();
        JsonNode json = EventJson.mapper().readTree(EventJson.write(sample));

        assertThat(json.get("occurredAt").asString()).isEqualTo("2026-11-29T10:00:03-03:00");
        assertThat(json.get("correiosEvent").get("occurredAt").asString()).isEqualTo("2026-11-29T09:41:12-03:00");
        assertThat(json.get("expectedDelivery").asString()).isEqualTo("2026-12-02T23:59:59-03:00");
        ShipmentStatusChanged read = EventJson.read(EventJson.write(sample), ShipmentStatusChanged.class);
        assertThat(read.occurredAt().getOffset()).isEqualTo(ZoneOffset.ofHours(-3));
        assertThat(read.correiosEvent().occurredAt().getOffset()).isEqualTo(ZoneOffset.ofHours(-3));
    }

    @Test
    void timesAreWrittenWithSecondsAndFractionsAsRfc3339Wants() {
        JsonNode json = EventJson.mapper().readTree(EventJson.write(EventSamples.contactValidated()));

        assertThat(EventJson.mapper().readTree(EventJson.write(EventSamples.shipmentRegistered()))
                        .get("occurredAt")
                        .asString())
                .isEqualTo("2026-11-27T10:15:00-03:00");
        assertThat(json.get("checkedAt").asString()).isEqualTo("2026-11-27T10:15:05.123-03:00");
    }

    @Test
    void readsTimesInAnyOffsetWithoutShiftingThem() {
        String json = """
                {"eventId":"68a1f485-c0fe-5c39-8a7e-56651278ad67","occurredAt":"2026-11-27T13:15:00Z",
                 "trackingCode":"DG049186226BR","source":"MANUAL","futureEnumLikeField":"X"}""";

        ShipmentRegistered read = EventJson.read(json.getBytes(StandardCharsets.UTF_8), ShipmentRegistered.class);

        assertThat(read.occurredAt().getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(read.occurredAt().getHour()).isEqualTo(13);
        assertThat(read.contents()).isEmpty();
        assertThat(read.recipient()).isNull();
    }

    @Test
    void nullsAreLeftOut() {
        var missing = new ContactValidated(
                EventIds.of("ContactValidated", "AA123456785BR"),
                EventSamples.OCCURRED_AT,
                "AA123456785BR",
                ContactValidated.ContactStatus.MISSING,
                null,
                null,
                null,
                null,
                null,
                null);
        var firstStatus = new ShipmentStatusChanged(
                EventIds.of("ShipmentStatusChanged", "AA123456785BR"),
                EventSamples.OCCURRED_AT,
                "AA123456785BR",
                Milestone.POSTED,
                null,
                false,
                false,
                new CorreiosEvent("PO", "01", null, null, null, null, null),
                null);

        String contact = new String(EventJson.write(missing), StandardCharsets.UTF_8);
        String status = new String(EventJson.write(firstStatus), StandardCharsets.UTF_8);

        assertThat(contact).doesNotContain("null").doesNotContain("input").doesNotContain("e164");
        assertThat(EventJson.mapper().readTree(contact).propertyNames())
                .containsExactly("eventId", "occurredAt", "trackingCode", "status");
        assertThat(status).doesNotContain("null").doesNotContain("previousMilestone").doesNotContain("expectedDelivery");
        assertThat(EventJson.mapper().readTree(status).get("correiosEvent").propertyNames())
                .containsExactly("code", "type");
        assertThat(EventJson.read(EventJson.write(missing), ContactValidated.class)).isEqualTo(missing);
    }

    @Test
    void emptyCollectionsAreWrittenAndMissingOnesReadAsEmpty() {
        JsonNode alert = EventJson.mapper().readTree(EventJson.write(EventSamples.serviceAlert()));

        assertThat(alert.has("trackingCode")).isFalse();
        assertThat(alert.get("details").isObject()).isTrue();
        assertThat(alert.get("details").isEmpty()).isTrue();
        assertThat(EventJson.read(
                                """
                                {"eventId":"0c5389c5-5e2f-588e-9e37-b91916471fbf","occurredAt":"2026-11-27T10:15:00-03:00",
                                 "type":"STALLED","severity":"INFO","message":"m"}"""
                                        .getBytes(StandardCharsets.UTF_8),
                                ShipmentAlert.class)
                        .details())
                .isEmpty();
    }

    @Test
    void enumsAndNumbersUseTheirContractForm() {
        JsonNode json = EventJson.mapper().readTree(EventJson.write(EventSamples.shipmentRegistered()));
        JsonNode failed = EventJson.mapper().readTree(EventJson.write(EventSamples.notificationFailed()));

        assertThat(json.get("source").asString()).isEqualTo("PRE_POSTING");
        assertThat(json.get("eventId").asString()).isEqualTo("68a1f485-c0fe-5c39-8a7e-56651278ad67");
        assertThat(json.get("contents").get(0).get("value").isNumber()).isTrue();
        assertThat(json.get("contents").get(0).get("value").decimalValue()).isEqualByComparingTo("2499.90");
        assertThat(json.get("recipient").get("mobile").get("areaCode").asString()).isEqualTo("11");
        assertThat(failed.get("retryable").isBoolean()).isTrue();
        assertThat(failed.get("attempts").isInt()).isTrue();
    }

    private static void assertEveryComponentSet(Object value, String path) {
        assertThat(value).as(path).isNotNull();
        if (value instanceof Collection<?> items) {
            assertThat(items).as(path).isNotEmpty();
            items.forEach(item -> assertEveryComponentSet(item, path + "[]"));
        } else if (value instanceof Map<?, ?> map) {
            assertThat(map).as(path).isNotEmpty();
        } else if (value instanceof Record) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    assertEveryComponentSet(component.getAccessor().invoke(value), path + "." + component.getName());
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }
}
