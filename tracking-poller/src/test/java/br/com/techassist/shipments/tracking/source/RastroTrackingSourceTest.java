package br.com.techassist.shipments.tracking.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import br.com.techassist.shipments.correios.CorreiosAuthenticationException;
import br.com.techassist.shipments.correios.CorreiosUnavailableException;
import br.com.techassist.shipments.correios.rastro.RastroAddress;
import br.com.techassist.shipments.correios.rastro.RastroClient;
import br.com.techassist.shipments.correios.rastro.RastroEvent;
import br.com.techassist.shipments.correios.rastro.RastroObject;
import br.com.techassist.shipments.correios.rastro.RastroResponse;
import br.com.techassist.shipments.correios.rastro.RastroUnit;
import br.com.techassist.shipments.model.Address;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RastroTrackingSourceTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-27T09:00:00-03:00");

    private final RastroClient client = mock(RastroClient.class);
    private final RastroTrackingSource source = new RastroTrackingSource(client);

    @Test
    void sro019IsInvalidAndSro020IsNotFound() {
        var reports = answer(new RastroObject("AA123456785BR", "SRO-019: Objeto inválido", null, null, null),
                new RastroObject("DG049186226BR", "SRO-020: Objeto não encontrado na base de dados dos Correios.",
                        null, null, null));

        assertThat(reports).extracting(TrackingReport::status)
                .containsExactly(TrackingReport.Status.INVALID, TrackingReport.Status.NOT_FOUND);
        assertThat(reports.getFirst().message()).startsWith("SRO-019");
    }

    @Test
    void eventsKeepTheirOrderAndTheFullAddressOnlyWhereCorreiosSendsIt() {
        var pickup = new RastroUnit("Agência dos Correios", "AC CENTRO", "12345",
                new RastroAddress("RUA PIAUI", "399", null, "CENTRO", "LONDRINA", "PR", "86010420"));
        var transit = new RastroUnit("Unidade de Tratamento", null, null,
                new RastroAddress(null, null, null, null, "CURITIBA", "PR", null));
        var reports = answer(new RastroObject("dg049186226br", null, null, AT.plusDays(3), List.of(
                new RastroEvent("LDI", "01", AT.plusHours(2), "Objeto aguardando retirada", null, pickup, null),
                new RastroEvent("RO", "01", AT, "Objeto em trânsito", "Por favor, aguarde", transit, pickup))));

        TrackingReport report = reports.getFirst();
        assertThat(report.trackingCode()).isEqualTo("DG049186226BR");
        assertThat(report.status()).isEqualTo(TrackingReport.Status.FOUND);
        assertThat(report.expectedDelivery()).isEqualTo(AT.plusDays(3));
        assertThat(report.events()).extracting(e -> e.code()).containsExactly("LDI", "RO");
        assertThat(report.events().get(0).unit().address())
                .isEqualTo(new Address("RUA PIAUI", "399", null, "CENTRO", "LONDRINA", "PR", "86010420"));
        assertThat(report.events().get(1).unit().address()).isNull();
        assertThat(report.events().get(1).unit().city()).isEqualTo("CURITIBA");
        assertThat(report.events().get(1).destinationUnit().state()).isEqualTo("PR");
    }

    @Test
    void clientFailuresBecomeUnavailableWithAReason() {
        doThrow(new CorreiosUnavailableException("503", 503, List.of(), null)).when(client).track(anyList());
        assertThatThrownBy(() -> source.track(List.of("DG049186226BR")))
                .isInstanceOfSatisfying(TrackingUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo("unavailable"));

        doThrow(new CorreiosAuthenticationException("401", 401, List.of(), null)).when(client).track(anyList());
        assertThatThrownBy(() -> source.track(List.of("DG049186226BR")))
                .isInstanceOfSatisfying(TrackingUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo("auth_failed"));
    }

    private List<TrackingReport> answer(RastroObject... objects) {
        when(client.track(anyList())).thenReturn(new RastroResponse("2.1.3", objects.length, "Todos", List.of(objects)));
        return source.track(List.of("ignored"));
    }
}
