package br.com.techassist.shipments.model;

import br.com.techassist.shipments.model.ContactValidated.ContactStatus;
import br.com.techassist.shipments.model.ContactValidated.PhoneType;
import br.com.techassist.shipments.model.NotificationStatusUpdated.DeliveryStatus;
import br.com.techassist.shipments.model.ShipmentAlert.AlertType;
import br.com.techassist.shipments.model.ShipmentAlert.Severity;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * One sample of every event, with every field set (nested records too), written once and shared by
 * the JSON, serde and contract tests. Times carry the São Paulo offset; {@link #OCCURRED_AT} has zero
 * seconds on purpose (the shortest ISO form would drop them, RFC 3339 needs them).
 */
final class EventSamples {

    static final ZoneOffset SAO_PAULO = ZoneOffset.ofHours(-3);
    static final OffsetDateTime OCCURRED_AT = OffsetDateTime.of(2026, 11, 27, 10, 15, 0, 0, SAO_PAULO);
    static final String TRACKING_CODE = "DG049186226BR";

    private EventSamples() {}

    /** Every event type once, in {@link EventType} order. */
    static List<ShipmentEvent> all() {
        return List.of(
                shipmentRegistered(),
                contactValidated(),
                shipmentStatusChanged(),
                notificationSent(),
                notificationFailed(),
                notificationStatusUpdated(),
                shipmentAlert(),
                personalDataErasureRequested(),
                personalDataErased());
    }

    /** The events as named test arguments, e.g. {@code ShipmentAlert} or {@code ShipmentAlert (no parcel)}. */
    static List<Named<ShipmentEvent>> named(Stream<ShipmentEvent> events) {
        return events.map(e -> Named.of(e.getClass().getSimpleName() + (e.trackingCode() == null ? " (no parcel)" : ""), e))
                .toList();
    }

    static ShipmentRegistered shipmentRegistered() {
        var address = new Address("Rua das Flores", "123", "apto 45", "Centro", "São Paulo", "SP", "01001-000");
        var recipient = new Recipient(
                "Maria da Silva", new Phone("11", "98765-4321"), new Phone("11", "3333-4444"), "maria@example.com", address);
        return new ShipmentRegistered(
                ShipmentRegistered.idFor(TRACKING_CODE),
                OCCURRED_AT,
                TRACKING_CODE,
                ShipmentRegistered.Source.PRE_POSTING,
                "PP-2026-000123",
                "03220",
                "SEDEX CONTRATO AG",
                recipient,
                List.of(
                        new ContentItem("Notebook reparado", 1, new BigDecimal("2499.90")),
                        new ContentItem("Carregador", 2, new BigDecimal("89.50"))),
                "NF-000456",
                "frágil");
    }

    static ContactValidated contactValidated() {
        return new ContactValidated(
                EventIds.of("ContactValidated", TRACKING_CODE, "+5511987654321"),
                OCCURRED_AT.plusSeconds(7),
                TRACKING_CODE,
                ContactStatus.CORRECTED,
                "(11) 98765-4321",
                "+5511987654321",
                "551187654321",
                PhoneType.MOBILE,
                "evolution",
                OCCURRED_AT.plusSeconds(5).plusNanos(123_000_000));
    }

    static ShipmentStatusChanged shipmentStatusChanged() {
        var pickup = new Address("Av. Paulista", "1000", "loja 2", "Bela Vista", "São Paulo", "SP", "01310-100");
        var counter = new Address("Rua Mergenthaler", "592", "bloco 3", "Vila Leopoldina", "São Paulo", "SP", "05311-900");
        var origin = new Unit("Unidade de Tratamento", "CTE VILA MARIA", "São Paulo", "SP", counter);
        var destination = new Unit("Agência dos Correios", "AC PAULISTA", "São Paulo", "SP", pickup);
        var correios = new CorreiosEvent(
                "LDI",
                "01",
                "Objeto aguardando retirada no endereço indicado",
                "Para retirar o objeto, apresente a identidade",
                OffsetDateTime.of(2026, 11, 29, 9, 41, 12, 0, SAO_PAULO),
                origin,
                destination);
        return new ShipmentStatusChanged(
                ShipmentStatusChanged.idFor(TRACKING_CODE, Milestone.AWAITING_PICKUP, correios),
                OffsetDateTime.of(2026, 11, 29, 10, 0, 3, 0, SAO_PAULO),
                TRACKING_CODE,
                Milestone.AWAITING_PICKUP,
                Milestone.OUT_FOR_DELIVERY,
                false,
                true,
                correios,
                OffsetDateTime.of(2026, 12, 2, 23, 59, 59, 0, SAO_PAULO));
    }

    static NotificationSent notificationSent() {
        return new NotificationSent(
                EventIds.of("NotificationSent", TRACKING_CODE, NotificationKind.SHIPPED),
                OCCURRED_AT.plusMinutes(1),
                TRACKING_CODE,
                NotificationKind.SHIPPED,
                "cloud-api",
                "wamid.HBgLNTUxMTg3NjU0MzIxFQIAERgSQUFBQUFBQUFBQUFBQUFBQUFBAA==",
                "5511*****4321");
    }

    static NotificationFailed notificationFailed() {
        return new NotificationFailed(
                EventIds.of("NotificationFailed", "AM101610575BR", NotificationKind.ARRIVED, 3),
                OCCURRED_AT.plusMinutes(2),
                "AM101610575BR",
                NotificationKind.ARRIVED,
                "evolution",
                "3EB0C767D26A1D8A9F8A",
                "5511*****4321",
                "provider answered 400: number not on WhatsApp",
                true,
                3);
    }

    static NotificationStatusUpdated notificationStatusUpdated() {
        return new NotificationStatusUpdated(
                EventIds.of("NotificationStatusUpdated", "YJ460348417BR", DeliveryStatus.FAILED),
                OCCURRED_AT.plusMinutes(3),
                "YJ460348417BR",
                NotificationKind.ARRIVED,
                "cloud-api",
                "wamid.HBgLNTUxMTg3NjU0MzIxFQIAERgSQkJCQkJCQkJCQkJCQkJCQkJCAA==",
                "5511*****4321",
                DeliveryStatus.FAILED,
                "131026");
    }

    static ShipmentAlert shipmentAlert() {
        return new ShipmentAlert(
                EventIds.of("ShipmentAlert", "QN242960622BR", AlertType.UNKNOWN_EVENT_CODE, "XYZ", "99"),
                OCCURRED_AT.plusHours(1),
                "QN242960622BR",
                AlertType.UNKNOWN_EVENT_CODE,
                Severity.WARNING,
                "Correios event XYZ/99 has no milestone mapping",
                Map.of("code", "XYZ", "type", "99", "mappingVersion", "3"));
    }

    /** An alert about a service rather than a parcel: no tracking code. */
    static ShipmentAlert serviceAlert() {
        return new ShipmentAlert(
                EventIds.of("ShipmentAlert", AlertType.PROVIDER_AUTH_FAILED, "2026-11-27"),
                OCCURRED_AT,
                null,
                AlertType.PROVIDER_AUTH_FAILED,
                Severity.CRITICAL,
                "WhatsApp provider rejected the token",
                Map.of());
    }

    static PersonalDataErasureRequested personalDataErasureRequested() {
        String requestId = "erasure-2026-000042";
        return new PersonalDataErasureRequested(
                PersonalDataErasureRequested.idFor(requestId, TRACKING_CODE),
                OCCURRED_AT.plusDays(3),
                TRACKING_CODE,
                requestId,
                PersonalDataErasureRequested.Reason.REQUEST);
    }

    static PersonalDataErased personalDataErased() {
        String requestId = "retention-" + TRACKING_CODE;
        return new PersonalDataErased(
                PersonalDataErased.idFor("phone-validator", requestId, TRACKING_CODE),
                OCCURRED_AT.plusDays(90),
                TRACKING_CODE,
                requestId,
                "phone-validator",
                2);
    }
}
