package br.com.techassist.shipments.correios;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import br.com.techassist.shipments.correios.prepostagem.PrePostagemClient;
import br.com.techassist.shipments.correios.rastro.RastroClient;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The library wired by hand against a WireMock server, with a settable clock and a recording sleeper. */
public final class TestCorreios {

    static final String USER = "meuusuario";
    static final String ACCESS_CODE = "s3cr3t-access-code";
    static final String POSTCARD = "0076770702";
    static final String TOKEN_PATH = "/token/v1/autentica/cartaopostagem";
    /** Issue time of {@code token.json}: emissao 2026-03-18T10:26:51-03:00, expiraEm one day later. */
    static final Instant ISSUED = Instant.parse("2026-03-18T13:26:51Z");

    final SettableClock clock = new SettableClock(ISSUED);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final CorreiosProperties props;
    final CorreiosTokenProvider tokens;
    final CorreiosGateway gateway;
    final RastroClient rastro;
    final PrePostagemClient prePostagem;

    TestCorreios(String baseUrl) {
        this(baseUrl, new CorreiosProperties.CircuitBreaker(50, 20, 10, Duration.ofMinutes(1)));
    }

    TestCorreios(String baseUrl, CorreiosProperties.CircuitBreaker breaker) {
        props = new CorreiosProperties(URI.create(baseUrl), USER, ACCESS_CODE, POSTCARD, Duration.ofSeconds(2),
                Duration.ofMillis(700), Duration.ofMinutes(30), 3,
                new CorreiosProperties.Retry(3, Duration.ofMillis(200), Duration.ofSeconds(5)), breaker);
        CorreiosMetrics metrics = new CorreiosMetrics(meters);
        CorreiosHttp http = new CorreiosHttp(props, metrics, sleeps::add);
        tokens = new CorreiosTokenProvider(props, http, metrics, clock);
        gateway = new CorreiosGateway(http, tokens);
        rastro = new RastroClient(gateway);
        prePostagem = new PrePostagemClient(gateway);
    }

    /** The token endpoint as Correios answers it (201), bound to the test cartão. */
    public static MappingBuilder tokenRequest() {
        return post(TOKEN_PATH)
                .withBasicAuth(USER, ACCESS_CODE)
                .withRequestBody(equalToJson("{\"numero\":\"" + POSTCARD + "\"}"));
    }

    public static ResponseDefinitionBuilder tokenAnswer(String token) {
        return json(201, resource("token.json").replace("{{token}}", token));
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static String errorBody(String... msgs) {
        return "{\"msgs\":[\"" + String.join("\",\"", msgs) + "\"],\"date\":\"2026-03-18T12:56:52\",\"method\":\"GET\","
                + "\"path\":\"/x\",\"causa\":null,\"stackTrace\":null}";
    }

    /** A wire-format sample from {@code src/test/resources/correios}. */
    public static String resource(String name) {
        try (InputStream in = TestCorreios.class.getResourceAsStream("/correios/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The auto-configuration against {@code baseUrl}, with test credentials. */
    public static org.springframework.boot.test.context.runner.ApplicationContextRunner autoConfigured(String baseUrl) {
        return new org.springframework.boot.test.context.runner.ApplicationContextRunner()
                .withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(
                        CorreiosAutoConfiguration.class))
                .withPropertyValues("correios.base-url=" + baseUrl, "correios.username=" + USER,
                        "correios.access-code=" + ACCESS_CODE, "correios.postcard=" + POSTCARD);
    }

    double requestCount(String api, String outcome, String status) {
        var timer = meters.find("correios.requests").tags("api", api, "outcome", outcome, "status", status).timer();
        return timer == null ? 0 : timer.count();
    }

    /** A clock tests move by hand. */
    static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
