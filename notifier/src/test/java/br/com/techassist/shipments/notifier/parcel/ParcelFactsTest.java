package br.com.techassist.shipments.notifier.parcel;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.Address;
import br.com.techassist.shipments.model.ContactValidated;
import br.com.techassist.shipments.model.ContactValidated.ContactStatus;
import br.com.techassist.shipments.model.ContactValidated.PhoneType;
import br.com.techassist.shipments.model.ContentItem;
import br.com.techassist.shipments.model.CorreiosEvent;
import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.ShipmentStatusChanged;
import br.com.techassist.shipments.model.Unit;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParcelFactsTest {

    private static final String CODE = "DG049186226BR";

    @Test
    void originIsThePostedUnitWhateverTheOrder() {
        Parcel p = Parcel.empty(CODE);
        p = ParcelFacts.apply(p, status(Milestone.IN_TRANSIT, "2026-11-21T10:00:00-03:00", unit("BRASILIA", "DF", null)));
        assertThat(p.originCity()).isEqualTo("Brasilia");
        p = ParcelFacts.apply(p, status(Milestone.POSTED, "2026-11-20T10:00:00-03:00", unit("SAO PAULO", "SP", null)));
        p = ParcelFacts.apply(p, status(Milestone.OUT_FOR_DELIVERY, "2026-11-19T10:00:00-03:00", unit("XAPURI", "AC", null)));

        assertThat(p.originCity()).isEqualTo("Sao Paulo");
        assertThat(p.originState()).isEqualTo("SP");
        assertThat(p.shippedEventAt()).isEqualTo(OffsetDateTime.parse("2026-11-19T10:00:00-03:00").toInstant());
    }

    @Test
    void pickupKeepsTheUnitAddressAndADeliveryAfterItReplacesIt() {
        Address address = new Address("RUA CORONEL BRANDAO", "123", null, "CENTRO", "XAPURI", "AC", "69930000");
        Parcel p = ParcelFacts.apply(Parcel.empty(CODE),
                status(Milestone.AWAITING_PICKUP, "2026-11-25T10:00:00-05:00", unit("XAPURI", "AC", address)));

        assertThat(p.arrivalMilestone()).isEqualTo(Milestone.AWAITING_PICKUP);
        assertThat(p.pickupAddress()).isEqualTo("Rua Coronel Brandao, 123 - Centro, Xapuri/AC, CEP 69930-000");

        Parcel collected = ParcelFacts.apply(p, status(Milestone.DELIVERED, "2026-11-26T10:00:00-05:00", unit("XAPURI", "AC", null)));
        assertThat(collected.arrivalMilestone()).isEqualTo(Milestone.DELIVERED);
        assertThat(ParcelFacts.apply(collected, status(Milestone.AWAITING_PICKUP, "2026-11-25T10:00:00-05:00",
                unit("XAPURI", "AC", address)))).isEqualTo(collected);
    }

    @Test
    void aReversedDeliveryIsNotAnArrival() {
        var reversed = new ShipmentStatusChanged(UUID.randomUUID(), OffsetDateTime.parse("2026-11-26T10:00:00-03:00"), CODE,
                Milestone.DELIVERED, Milestone.RETURNING, true, true, null, null);

        assertThat(ParcelFacts.apply(Parcel.empty(CODE), reversed).arrivalMilestone()).isNull();
    }

    @Test
    void theNewestContactWinsAndTheProductListsTheContents() {
        Parcel p = ParcelFacts.apply(Parcel.empty(CODE), contact(ContactStatus.VALID, "2026-11-20T10:00:00Z", "5531998765432"));
        p = ParcelFacts.apply(p, contact(ContactStatus.NO_WHATSAPP, "2026-11-19T10:00:00Z", null));
        assertThat(p.contactStatus()).isEqualTo(ContactStatus.VALID);
        assertThat(p.sendTo()).isEqualTo("5531998765432");

        assertThat(ParcelFacts.product(List.of(new ContentItem("Notebook", 1, BigDecimal.TEN),
                new ContentItem("Carregador", 1, BigDecimal.ONE), new ContentItem("Cabo", 2, BigDecimal.ONE))))
                .isEqualTo("Notebook, Carregador e Cabo");
        assertThat(ParcelFacts.product(List.of(new ContentItem(" ", 1, null)))).isNull();
    }

    private static Unit unit(String city, String state, Address address) {
        return new Unit("Unidade de Atendimento", "AGF " + city, city, state, address);
    }

    private static ShipmentStatusChanged status(Milestone m, String at, Unit unit) {
        OffsetDateTime t = OffsetDateTime.parse(at);
        return new ShipmentStatusChanged(UUID.randomUUID(), t, CODE, m, null, m.isTerminal(), false,
                new CorreiosEvent("XX", "01", "desc", null, t, unit, null), null);
    }

    private static ContactValidated contact(ContactStatus status, String at, String waId) {
        return new ContactValidated(UUID.randomUUID(), OffsetDateTime.parse(at), CODE, status, "31998765432",
                "+5531998765432", waId, PhoneType.MOBILE, "test", OffsetDateTime.parse(at));
    }
}
