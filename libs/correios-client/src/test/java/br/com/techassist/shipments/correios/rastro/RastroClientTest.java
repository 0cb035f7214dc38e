package br.com.techassist.shipments.correios.rastro;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.techassist.shipments.correios.TestCorreios;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Rastro client as a service gets it from the auto-configuration, against the real wire format. */
class RastroClientTest {

    @RegisterExtension
    static WireMockExtension correios = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final ApplicationContextRunner context = TestCorreios.autoConfigured(correios.baseUrl());

    @Test
    void tracksABatchWithRepeatedCodesAndReadsTheWireFormatTolerantly() throws IOException {
        correios.stubFor(TestCorreios.tokenRequest().willReturn(TestCorreios.tokenAnswer("tok-1")));
        correios.stubFor(get(urlPathEqualTo("/srorastro/v1/objetos"))
                .withQueryParam("codigosObjetos", havingExactly("DG049186226BR", "DG049186230BR"))
                .withQueryParam("resultado", equalTo("T"))
                .withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(TestCorreios.resource("rastro-batch.json"))));

        context.run(ctx -> {
            RastroResponse response = ctx.getBean(RastroClient.class).track(List.of("DG049186226BR", "DG049186230BR"));

            assertThat(response.versao()).isEqualTo("2.1.3");
            assertThat(response.resultado()).isEqualTo("Todos os Eventos");
            RastroObject delivered = response.objetos().getFirst();
            assertThat(delivered.tipoPostal()).isEqualTo(new TipoPostal("DG", "ENCOMENDA SEDEX (ETIQ LOGICA)", "SEDEX"));
            assertThat(delivered.dtPrevista()).isEqualTo(OffsetDateTime.parse("2022-03-11T20:58:00-03:00"));
            assertThat(delivered.eventos()).extracting(RastroEvent::codigo).containsExactly("LDI", "RO", "PO");
            RastroEvent pickup = delivered.eventos().getFirst();
            assertThat(pickup.dtHrCriado()).isEqualTo(OffsetDateTime.parse("2022-03-11T17:03:00.123456-03:00"));
            assertThat(pickup.unidade()).isEqualTo(new RastroUnit("Agência dos Correios", "AC CENTRO", "86010970",
                    new RastroAddress("RUA PIAUI", "100", "LOJA 1", "CENTRO", "LONDRINA", "PR", "86010970")));
            assertThat(delivered.eventos().get(1).unidadeDestino().endereco().cidade()).isEqualTo("APARECIDA DE GOIANIA");
            assertThat(delivered.eventos().get(2).dtHrCriado()).isEqualTo(OffsetDateTime.parse("2022-03-10T19:10:36-03:00"));
            RastroObject unknown = response.objetos().get(1);
            assertThat(unknown.mensagem()).startsWith("SRO-020");
            assertThat(unknown.eventos()).isEmpty();
        });
    }

    @Test
    void refusesAnEmptyOrOversizedBatchWithoutCallingCorreios() {
        context.run(ctx -> {
            RastroClient client = ctx.getBean(RastroClient.class);
            assertThatThrownBy(() -> client.track(List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.track(Collections.nCopies(51, "DG049186226BR")))
                    .isInstanceOf(IllegalArgumentException.class);
        });
        assertThat(correios.getAllServeEvents()).isEmpty();
    }

}
