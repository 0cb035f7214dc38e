package br.com.techassist.shipments.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.correios.prepostagem.PrePostagem;
import br.com.techassist.shipments.correios.prepostagem.PrePostagemEntry;
import br.com.techassist.shipments.model.Phone;
import br.com.techassist.shipments.model.ShipmentRegistered;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrePostingMapperTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-27T10:00:00-03:00");

    @Test
    void aRecipientWithoutMobileKeepsTheLandlineAndBlankFieldsBecomeNull() {
        var to = new PrePostagem.Pessoa(" Maria ", "43", "33334444", "", "", null, null, " ", null, null, null);
        var mapped = PrePostingMapper.map(entry(item(" dg049186226br ", to)), NOW);

        ShipmentRegistered e = mapped.event();
        assertThat(mapped.rejection()).isNull();
        assertThat(e.trackingCode()).isEqualTo("DG049186226BR");
        assertThat(e.eventId()).isEqualTo(ShipmentRegistered.idFor("DG049186226BR"));
        assertThat(e.occurredAt()).isEqualTo(NOW);
        assertThat(e.recipient().name()).isEqualTo("Maria");
        assertThat(e.recipient().mobile()).isNull();
        assertThat(e.recipient().landline()).isEqualTo(new Phone("43", "33334444"));
        assertThat(e.recipient().email()).isNull();
        assertThat(e.recipient().address()).isNull();
        assertThat(e.contents()).isEmpty();
    }

    @Test
    void unusableItemsAreRejectedWithTheirReason() {
        var maria = new PrePostagem.Pessoa("Maria", null, null, "43", "999990021", null, null, null, null, null, null);
        assertThat(reason(entry(item(null, maria)))).isEqualTo(Rejection.Reason.MISSING_CODE);
        assertThat(reason(entry(item("DG049186227BR", maria)))).isEqualTo(Rejection.Reason.INVALID_CODE);
        assertThat(reason(entry(item("DG04918622BR", maria)))).isEqualTo(Rejection.Reason.INVALID_CODE);
        assertThat(reason(entry(item("DG049186226BR", null)))).isEqualTo(Rejection.Reason.NO_RECIPIENT);
        assertThat(reason(new PrePostagemEntry("{}", null, null, null, "bad date"))).isEqualTo(Rejection.Reason.UNPARSEABLE);
    }

    private static Rejection.Reason reason(PrePostagemEntry entry) {
        return PrePostingMapper.map(entry, NOW).rejection().reason();
    }

    private static PrePostagemEntry entry(PrePostagem item) {
        return new PrePostagemEntry("{}", item.id(), item.codigoObjeto(), item, null);
    }

    private static PrePostagem item(String code, PrePostagem.Pessoa to) {
        return new PrePostagem("PR1", code, "03298", "PAC", 2, "Pré-postado", null, null, null, null, null, to,
                List.of(), null, null, null, "N");
    }
}
