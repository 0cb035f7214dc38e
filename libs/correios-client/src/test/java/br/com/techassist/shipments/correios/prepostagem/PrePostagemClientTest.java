package br.com.techassist.shipments.correios.prepostagem;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.techassist.shipments.correios.CorreiosException;
import br.com.techassist.shipments.correios.TestCorreios;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PrePostagemClientTest {

    static final String LIST = "/prepostagem/v2/prepostagens";

    @RegisterExtension
    static WireMockExtension correios = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final ApplicationContextRunner context = TestCorreios.autoConfigured(correios.baseUrl());

    @BeforeEach
    void token() throws IOException {
        correios.stubFor(TestCorreios.tokenRequest().willReturn(TestCorreios.tokenAnswer("tok-1")));
    }

    @Test
    void listsAWindowPageAndParsesEachItemOnItsOwn() throws IOException {
        correios.stubFor(get(urlPathEqualTo(LIST))
                .withQueryParam("status", equalTo("POSTADO"))
                .withQueryParam("dataInicialCriacaoPrePostagem", equalTo("2026-05-01"))
                .withQueryParam("dataFinalCriacaoPrePostagem", equalTo("2026-05-30"))
                .withQueryParam("page", equalTo("0"))
                .withQueryParam("size", equalTo("100"))
                .withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(TestCorreios.resource("prepostagens-page.json"))));

        context.run(ctx -> {
            PrePostagemPage page = ctx.getBean(PrePostagemClient.class).page(new PrePostagemQuery(
                    PrePostagemStatus.POSTADO, LocalDate.parse("2026-05-01"), LocalDate.parse("2026-05-30")), 0, 100);

            assertThat(page.hasNext()).isTrue();
            assertThat(page.entries()).hasSize(2);
            PrePostagem item = page.entries().getFirst().item();
            assertThat(item.codigoObjeto()).isEqualTo("DG049186226BR");
            assertThat(PrePostagemStatus.ofCode(item.statusAtual())).isEqualTo(PrePostagemStatus.POSTADO);
            assertThat(item.dataHoraStatusAtual()).isEqualTo(OffsetDateTime.parse("2026-06-22T20:00:34.711579-03:00"));
            assertThat(item.prazoPostagem()).isEqualTo(LocalDate.parse("2026-07-04"));
            assertThat(item.destinatario().nome()).isEqualTo("Maria da Silva");
            assertThat(item.destinatario().dddCelular() + item.destinatario().celular()).isEqualTo("43999990021");
            assertThat(item.destinatario().endereco().cidade()).isEqualTo("Londrina");
            assertThat(item.itensDeclaracaoConteudo()).containsExactly(
                    new PrePostagem.ItemDeclaracaoConteudo("Camiseta", 2, new BigDecimal("59.9")));
            assertThat(item.observacao()).isEqualTo("Pedido 1234");

            PrePostagemEntry bad = page.entries().get(1);
            assertThat(bad.parsed()).isFalse();
            assertThat(bad.parseError()).contains("três");
            assertThat(bad.rawJson()).contains("PRbadbadbadbadbadbadbad1");
        });
    }

    @Test
    void prePostedItemsNeedNoDatesAndNotFoundIsAnEmptyLastPage() {
        correios.stubFor(get(urlPathEqualTo(LIST)).withQueryParam("status", equalTo("PREPOSTADO"))
                .withQueryParam("dataInicialCriacaoPrePostagem", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"msgs":["PPN-011: Nenhuma pré-postagem encontrada para os parâmetros informados."],
                                 "date":"2026-12-02T12:00:00","method":"GET","path":"/prepostagem/v2/prepostagens",
                                 "causa":null,"stackTrace":null}""")));

        context.run(ctx -> {
            PrePostagemPage page = ctx.getBean(PrePostagemClient.class)
                    .page(PrePostagemQuery.of(PrePostagemStatus.PREPOSTADO), 0, 100);
            assertThat(page.entries()).isEmpty();
            assertThat(page.hasNext()).isFalse();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notTheApisNothingFound")
    void a404WithoutTheApisNothingFoundAnswerIsAnErrorNeverAnEmptyPage(String what, String contentType, String body) {
        correios.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", contentType).withBody(body)));

        context.run(ctx -> {
            PrePostagemClient client = ctx.getBean(PrePostagemClient.class);
            assertThatThrownBy(() -> client.page(PrePostagemQuery.of(PrePostagemStatus.PREPOSTADO), 0, 100))
                    .isInstanceOf(CorreiosException.class)
                    .hasMessageContaining("404")
                    .satisfies(e -> assertThat(((CorreiosException) e).status()).isEqualTo(404));
        });
    }

    static Stream<Arguments> notTheApisNothingFound() {
        return Stream.of(
                Arguments.of("a gateway HTML page", "text/html", "<html><body><h1>404 Not Found</h1></body></html>"),
                Arguments.of("an empty body", "application/json", ""),
                Arguments.of("a gateway error", "application/json", """
                        {"msgs":["GTW-404: Recurso não encontrado."],"date":"2026-12-02T12:00:00","method":"GET",
                         "path":"/prepostagem/v3/prepostagens","causa":null,"stackTrace":null}"""),
                Arguments.of("a framework's own 404", "application/json", """
                        {"timestamp":"2026-12-02T15:00:00.000+00:00","status":404,"error":"Not Found",
                         "path":"/prepostagem/v3/prepostagens"}"""));
    }
}
