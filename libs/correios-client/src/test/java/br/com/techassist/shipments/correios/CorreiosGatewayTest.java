package br.com.techassist.shipments.correios;

import static br.com.techassist.shipments.correios.TestCorreios.TOKEN_PATH;
import static br.com.techassist.shipments.correios.TestCorreios.errorBody;
import static br.com.techassist.shipments.correios.TestCorreios.json;
import static br.com.techassist.shipments.correios.TestCorreios.resource;
import static br.com.techassist.shipments.correios.TestCorreios.tokenAnswer;
import static br.com.techassist.shipments.correios.TestCorreios.tokenRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Authentication, retries, error bodies, timeouts, the circuit breaker and metrics, through SRO Rastro calls. */
class CorreiosGatewayTest {

    static final String RASTRO = "/srorastro/v1/objetos";
    static final List<String> CODES = List.of("DG049186226BR", "DG049186230BR");

    @RegisterExtension
    static WireMockExtension correios = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    TestCorreios client;

    @BeforeEach
    void setUp() {
        client = new TestCorreios(correios.baseUrl());
        correios.stubFor(tokenRequest().inScenario("tokens").whenScenarioStateIs(STARTED)
                .willReturn(tokenAnswer("tok-1")).willSetStateTo("second"));
        correios.stubFor(tokenRequest().inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(tokenAnswer("tok-2")));
    }

    @Test
    void aRefusedTokenCausesExactlyOneReauthenticationAndTheCallSucceeds() {
        correios.stubFor(get(urlPathEqualTo(RASTRO)).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(json(401, errorBody("GTW-008: Token não válido para este ambiente."))));
        correios.stubFor(get(urlPathEqualTo(RASTRO)).withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(json(200, resource("rastro-batch.json"))));

        assertThat(client.rastro.track(CODES).objetos()).hasSize(2);
        assertThat(client.rastro.track(CODES).objetos()).hasSize(2);

        correios.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertThat(client.requestCount("rastro", "CLIENT_ERROR", "401")).isEqualTo(1);
        assertThat(client.requestCount("rastro", "SUCCESS", "200")).isEqualTo(2);
    }

    @Test
    void aTokenRefusedAgainAfterReauthenticationFailsClearly() {
        correios.stubFor(get(urlPathEqualTo(RASTRO))
                .willReturn(json(403, errorBody("GTW-012: API não liberada para o cartão."))));

        assertThatThrownBy(() -> client.rastro.track(CODES))
                .isInstanceOf(CorreiosAuthenticationException.class)
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("GTW-012: API não liberada para o cartão.");
        correios.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        correios.verify(2, getRequestedFor(urlPathEqualTo(RASTRO)));
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheRetryAfterDelay() {
        correios.stubFor(get(urlPathEqualTo(RASTRO)).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("ok"));
        correios.stubFor(get(urlPathEqualTo(RASTRO)).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(json(200, resource("rastro-batch.json"))));

        assertThat(client.rastro.track(CODES).objetos()).hasSize(2);

        assertThat(client.sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(client.requestCount("rastro", "RATE_LIMITED", "429")).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetriedWithExponentialBackoff() {
        correios.stubFor(get(urlPathEqualTo(RASTRO)).inScenario("5xx").whenScenarioStateIs(STARTED)
                .willReturn(json(502, "")).willSetStateTo("again"));
        correios.stubFor(get(urlPathEqualTo(RASTRO)).inScenario("5xx").whenScenarioStateIs("again")
                .willReturn(json(503, errorBody("GTW-503"))).willSetStateTo("ok"));
        correios.stubFor(get(urlPathEqualTo(RASTRO)).inScenario("5xx").whenScenarioStateIs("ok")
                .willReturn(json(200, resource("rastro-batch.json"))));

        assertThat(client.rastro.track(CODES).objetos()).hasSize(2);

        assertThat(client.sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void serverErrorsThatPersistEndAsUnavailableWithTheCorreiosMessages() {
        correios.stubFor(get(urlPathEqualTo(RASTRO))
                .willReturn(json(500, errorBody("SRO-999: Erro interno", "tente mais tarde"))));

        assertThatThrownBy(() -> client.rastro.track(CODES))
                .isInstanceOf(CorreiosUnavailableException.class)
                .hasMessageContaining("500 after 3 attempts")
                .hasMessageContaining("SRO-999: Erro interno; tente mais tarde");
        correios.verify(3, getRequestedFor(urlPathEqualTo(RASTRO)));
    }

    @Test
    void clientErrorsAreNotRetriedAndCarryTheCorreiosMessages() {
        correios.stubFor(get(urlPathEqualTo(RASTRO))
                .willReturn(json(400, errorBody("SRO-001: Parâmetro codigosObjetos inválido"))));

        assertThatThrownBy(() -> client.rastro.track(CODES))
                .isInstanceOf(CorreiosException.class)
                .isNotInstanceOf(CorreiosUnavailableException.class)
                .hasMessageContaining("HTTP 400: SRO-001: Parâmetro codigosObjetos inválido")
                .extracting(e -> ((CorreiosException) e).messages())
                .isEqualTo(List.of("SRO-001: Parâmetro codigosObjetos inválido"));
        correios.verify(1, getRequestedFor(urlPathEqualTo(RASTRO)));
    }

    @Test
    void aNotFoundAnswerThatStillListsObjectsIsRead() {
        correios.stubFor(get(urlPathEqualTo(RASTRO)).willReturn(json(404, """
                {"versao":"2.1.3","quantidade":1,"resultado":"Todos os Eventos","objetos":[{"codObjeto":"DG049186230BR",
                 "mensagem":"SRO-020: Objeto não encontrado na base de dados dos Correios."}]}""")));

        assertThat(client.rastro.track(List.of("DG049186230BR")).objetos())
                .singleElement()
                .satisfies(o -> assertThat(o.mensagem()).startsWith("SRO-020"));
    }

    @Test
    void aSlowAnswerTimesOutAndIsRetried() {
        correios.stubFor(get(urlPathEqualTo(RASTRO)).willReturn(json(200, resource("rastro-batch.json"))
                .withFixedDelay(1500)));

        assertThatThrownBy(() -> client.rastro.track(CODES))
                .isInstanceOf(CorreiosUnavailableException.class)
                .hasMessageContaining("after 3 attempts");
        assertThat(client.requestCount("rastro", "IO_ERROR", "NONE")).isEqualTo(3);
    }

    @Test
    void theCircuitOpensDuringAnOutageAndStopsCallingCorreios() {
        client = new TestCorreios(correios.baseUrl(),
                new CorreiosProperties.CircuitBreaker(50, 4, 4, Duration.ofMinutes(5)));
        correios.stubFor(get(urlPathEqualTo(RASTRO)).willReturn(json(503, "")));

        assertThatThrownBy(() -> client.rastro.track(CODES)).isInstanceOf(CorreiosUnavailableException.class);
        assertThatThrownBy(() -> client.rastro.track(CODES))
                .isInstanceOf(CorreiosUnavailableException.class)
                .hasMessageContaining("circuit breaker is open");
        assertThatThrownBy(() -> client.rastro.track(CODES))
                .isInstanceOf(CorreiosUnavailableException.class)
                .hasMessageContaining("circuit breaker is open");

        correios.verify(4, getRequestedFor(urlPathEqualTo(RASTRO)));
        assertThat(client.meters.get("correios.circuit.state").tags("api", "rastro", "state", "open").gauge().value())
                .isEqualTo(1);
        assertThat(client.requestCount("rastro", "CIRCUIT_OPEN", "NONE")).isEqualTo(2);
    }
}
