package br.com.techassist.shipments.correios;

import static br.com.techassist.shipments.correios.TestCorreios.TOKEN_PATH;
import static br.com.techassist.shipments.correios.TestCorreios.errorBody;
import static br.com.techassist.shipments.correios.TestCorreios.json;
import static br.com.techassist.shipments.correios.TestCorreios.tokenAnswer;
import static br.com.techassist.shipments.correios.TestCorreios.tokenRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class CorreiosTokenProviderTest {

    @RegisterExtension
    static WireMockExtension correios = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    TestCorreios client;

    @BeforeEach
    void setUp() {
        client = new TestCorreios(correios.baseUrl());
    }

    @Test
    void authenticatesByCartaoWithBasicAuthAndCachesTheTokenUntilTheMarginBeforeExpiry(CapturedOutput output) {
        correios.stubFor(tokenRequest().willReturn(tokenAnswer("tok-1")));

        assertThat(client.tokens.token()).isEqualTo("tok-1");
        assertThat(client.tokens.expiresAt()).isEqualTo(OffsetDateTime.parse("2026-03-19T10:26:51-03:00"));
        client.clock.set(Instant.parse("2026-03-19T12:56:00Z")); // 30 min 51 s before expiry
        assertThat(client.tokens.token()).isEqualTo("tok-1");
        correios.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));

        client.clock.set(Instant.parse("2026-03-19T12:57:00Z")); // inside the 30 min margin
        assertThat(client.tokens.token()).isEqualTo("tok-1");
        correios.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertThat(client.meters.get("correios.token.refreshes").counter().count()).isEqualTo(2);
        assertThat(output.getAll()).doesNotContain("tok-1").doesNotContain(TestCorreios.ACCESS_CODE);
    }

    @Test
    void manyThreadsAskingAtOnceCauseOneTokenRequest() throws Exception {
        correios.stubFor(tokenRequest().willReturn(tokenAnswer("tok-1").withFixedDelay(300)));

        try (var pool = Executors.newFixedThreadPool(16)) {
            var asks = IntStream.range(0, 16).mapToObj(i -> (Callable<String>) client.tokens::token).toList();
            for (var answer : pool.invokeAll(asks)) {
                assertThat(answer.get()).isEqualTo("tok-1");
            }
        }
        correios.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void aRejectedTokenIsForgottenAndTheNextAskAuthenticatesAgain() {
        correios.stubFor(tokenRequest().willReturn(tokenAnswer("tok-1")));
        String first = client.tokens.token();

        client.tokens.invalidate("some-older-token");
        client.tokens.token();
        correios.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));

        client.tokens.invalidate(first);
        client.tokens.token();
        correios.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void refusedCredentialsFailClearlyWithTheCorreiosMessagesAndWithoutSecrets(CapturedOutput output) {
        correios.stubFor(tokenRequest().willReturn(json(401, errorBody("GTW-001: Usuário ou senha inválidos."))));

        assertThatThrownBy(client.tokens::token)
                .isInstanceOf(CorreiosAuthenticationException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("GTW-001: Usuário ou senha inválidos.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TestCorreios.ACCESS_CODE));
        assertThat(client.meters.get("correios.token.failures").tag("reason", "rejected").counter().count())
                .isEqualTo(1);
        assertThat(output.getAll()).doesNotContain(TestCorreios.ACCESS_CODE);
        assertThat(client.props.toString()).doesNotContain(TestCorreios.ACCESS_CODE).contains("accessCode=******");
    }

    @Test
    void theTokenEndpointIsNotCalledMoreThanThreeTimesASecond() {
        correios.stubFor(tokenRequest().willReturn(tokenAnswer("tok-1")));

        long start = System.nanoTime();
        for (int i = 0; i < 7; i++) {
            client.tokens.invalidate(client.tokens.token());
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        correios.verify(7, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertThat(elapsedMillis).as("7 requests at 3/s need two refresh periods").isGreaterThanOrEqualTo(1000);
    }

    @Test
    void anUnavailableTokenEndpointIsRetriedAndThenReportedAsUnavailable() {
        correios.stubFor(tokenRequest().willReturn(json(503, errorBody("GTW-500: Serviço indisponível"))));

        assertThatThrownBy(client.tokens::token)
                .isInstanceOf(CorreiosUnavailableException.class)
                .hasMessageContaining("503")
                .hasMessageContaining("GTW-500");
        correios.verify(3, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertThat(client.meters.get("correios.token.failures").tag("reason", "unavailable").counter().count())
                .isEqualTo(1);
    }
}
