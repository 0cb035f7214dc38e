package br.com.techassist.shipments.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deterministic ids are what lets subscribers de-duplicate replays: they must never change. */
class EventIdsTest {

    @Test
    void theSamePartsAlwaysGiveTheSameId() {
        assertThat(EventIds.of("NotificationSent", "DG049186226BR", NotificationKind.SHIPPED))
                .isEqualTo(EventIds.of("NotificationSent", "DG049186226BR", NotificationKind.SHIPPED));
    }

    @Test
    void idsAreStableAcrossReleases() {
        // Expected values computed independently with Python's uuid.uuid5 over the same namespace and
        // name (type and parts joined by U+001F): if these change, every replay gets new ids.
        assertThat(EventIds.of("ShipmentRegistered", "DG049186226BR"))
                .isEqualTo(UUID.fromString("68a1f485-c0fe-5c39-8a7e-56651278ad67"));
        assertThat(ShipmentRegistered.idFor("DG049186226BR"))
                .isEqualTo(UUID.fromString("68a1f485-c0fe-5c39-8a7e-56651278ad67"));
        assertThat(EventIds.of("ShipmentRegistered")).isEqualTo(UUID.fromString("0c5389c5-5e2f-588e-9e37-b91916471fbf"));
        assertThat(EventIds.of("ContactValidated", "DG049186226BR", "+5511987654321"))
                .isEqualTo(UUID.fromString("aae8d736-26c9-525a-904c-d9d795972bfc"));
    }

    @Test
    void differentPartsGiveDifferentIds() {
        UUID base = EventIds.of("NotificationSent", "DG049186226BR", NotificationKind.SHIPPED);

        assertThat(EventIds.of("NotificationSent", "DG049186226BR", NotificationKind.ARRIVED)).isNotEqualTo(base);
        assertThat(EventIds.of("NotificationSent", "AM101610575BR", NotificationKind.SHIPPED)).isNotEqualTo(base);
        assertThat(EventIds.of("NotificationFailed", "DG049186226BR", NotificationKind.SHIPPED)).isNotEqualTo(base);
        assertThat(EventIds.of("NotificationSent", NotificationKind.SHIPPED, "DG049186226BR")).isNotEqualTo(base);
    }

    @Test
    void partsDoNotRunIntoEachOther() {
        assertThat(EventIds.of("T", "ab", "c")).isNotEqualTo(EventIds.of("T", "a", "bc"));
        assertThat(EventIds.of("T", "abc")).isNotEqualTo(EventIds.of("Ta", "bc"));
        assertThat(EventIds.of("T", "")).isNotEqualTo(EventIds.of("T"));
    }

    @Test
    void idsAreNameBasedVersion5Uuids() {
        UUID id = EventIds.of("ShipmentAlert", "QN242960622BR", "STALLED");

        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2); // IETF RFC 4122 / 9562
    }

    @Test
    void statusIdsDependOnTheCorreiosEventNotOnTheOffsetItWasReadIn() {
        var inSaoPaulo = correiosEvent("BDE", "01", OffsetDateTime.of(2026, 11, 29, 9, 41, 12, 0, ZoneOffset.ofHours(-3)));
        var inUtc = correiosEvent("BDE", "01", OffsetDateTime.of(2026, 11, 29, 12, 41, 12, 0, ZoneOffset.UTC));
        var otherCode = correiosEvent("BDI", "01", inSaoPaulo.occurredAt());
        var otherType = correiosEvent("BDE", "23", inSaoPaulo.occurredAt());
        var later = correiosEvent("BDE", "01", inSaoPaulo.occurredAt().plusSeconds(1));
        UUID id = ShipmentStatusChanged.idFor("DG049186226BR", Milestone.DELIVERED, inSaoPaulo);

        assertThat(ShipmentStatusChanged.idFor("DG049186226BR", Milestone.DELIVERED, inUtc)).isEqualTo(id);
        assertThat(ShipmentStatusChanged.idFor("DG049186226BR", Milestone.DELIVERED, otherCode)).isNotEqualTo(id);
        assertThat(ShipmentStatusChanged.idFor("DG049186226BR", Milestone.DELIVERED, otherType)).isNotEqualTo(id);
        assertThat(ShipmentStatusChanged.idFor("DG049186226BR", Milestone.DELIVERED, later)).isNotEqualTo(id);
        assertThat(ShipmentStatusChanged.idFor("DG049186226BR", Milestone.RETURNED, inSaoPaulo)).isNotEqualTo(id);
        assertThat(ShipmentStatusChanged.idFor("AM101610575BR", Milestone.DELIVERED, inSaoPaulo)).isNotEqualTo(id);
        assertThat(ShipmentStatusChanged.idFor("DG049186226BR", Milestone.PRE_POSTED, null))
                .isEqualTo(ShipmentStatusChanged.idFor("DG049186226BR", Milestone.PRE_POSTED, null))
                .isNotEqualTo(ShipmentStatusChanged.idFor("DG049186226BR", Milestone.POSTED, null));
    }

    private static CorreiosEvent correiosEvent(String code, String type, OffsetDateTime at) {
        return new CorreiosEvent(code, type, "Objeto entregue ao destinatário", null, at, null, null);
    }
}
