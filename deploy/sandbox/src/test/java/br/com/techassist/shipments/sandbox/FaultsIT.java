package br.com.techassist.shipments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;

class FaultsIT extends SandboxApiTestBase {

    private static final String TOKEN_PATH = "/token/v1/autentica/cartaopostagem";
    private static final Map<String, String> BASIC =
            Map.of(HttpHeaders.AUTHORIZATION, SandboxHttp.basic("sandbox", "sandbox-access-code"));
    private static final Map<String, String> CARTAO = Map.of("numero", "0076770702");

    @Test
    void errorsAreAnsweredInEachApisOwnFormatUntilSwitchedOff() {
        http.put("/sandbox/faults", Map.of("correios", Map.of("errorRate", 1.0), "whatsapp", Map.of("errorRate", 1.0)));

        SandboxHttp.Reply correios = http.post(TOKEN_PATH, BASIC, CARTAO);
        SandboxHttp.Reply cloud = http.post("/v21.0/100000000000001/messages",
                Map.of(HttpHeaders.AUTHORIZATION, "Bearer sandbox-token"), Map.of("messaging_product", "whatsapp"));
        SandboxHttp.Reply evolution = http.post("/chat/whatsappNumbers/sandbox", Map.of("apikey", "sandbox-api-key"),
                Map.of("numbers", List.of("5511987654321")));

        assertThat(correios.status()).isEqualTo(503);
        assertThat(correios.json().get("msgs").get(0).asString()).startsWith("GTW-");
        assertThat(cloud.status()).isEqualTo(500);
        assertThat(cloud.json().get("error").get("code").asInt()).isEqualTo(2);
        assertThat(evolution.status()).isEqualTo(500);
        assertThat(http.get("/sandbox/scenario/parcels").status()).as("admin API never faulted").isEqualTo(200);

        http.put("/sandbox/faults", Map.of("correios", Map.of("errorRate", 0.0)));

        assertThat(http.post(TOKEN_PATH, BASIC, CARTAO).status()).isEqualTo(201);
        assertThat(http.get("/sandbox/faults").json().get("whatsapp").get("errorRate").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aBurstOf429WithAnEmptyBodyStopsWhenTheKnobIsOff() {
        http.put("/sandbox/faults", Map.of("correios", Map.of("burstRate", 1.0, "burstLength", 3)));

        SandboxHttp.Reply throttled = http.post(TOKEN_PATH, BASIC, CARTAO);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.raw()).isEmpty();

        http.put("/sandbox/faults", Map.of("correios", Map.of("burstRate", 0.0)));

        assertThat(http.post(TOKEN_PATH, BASIC, CARTAO).status()).isEqualTo(201);
    }

    @Test
    void latencyDelaysEveryAnswer() {
        http.put("/sandbox/faults", Map.of("whatsapp", Map.of("latency", "PT0.4S")));

        long started = System.nanoTime();
        SandboxHttp.Reply reply = http.post("/chat/whatsappNumbers/sandbox", Map.of("apikey", "sandbox-api-key"),
                Map.of("numbers", List.of("5511987654321")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aTimeoutKeepsTheClientWaitingLongerThanItsReadTimeout() {
        http.put("/sandbox/faults", Map.of("correios", Map.of("timeoutRate", 1.0, "timeoutDelay", "PT3S")));
        SandboxHttp impatient = new SandboxHttp(port, Duration.ofMillis(500));

        assertThatThrownBy(() -> impatient.post(TOKEN_PATH, BASIC, CARTAO)).isInstanceOf(ResourceAccessException.class);

        http.delete("/sandbox/faults");

        assertThat(impatient.post(TOKEN_PATH, BASIC, CARTAO).status()).isEqualTo(201);
    }

    @Test
    void expiredWhatsAppCredentialsAreRefusedByBothApis() {
        http.put("/sandbox/faults", Map.of("whatsapp", Map.of("tokenExpired", true)));

        SandboxHttp.Reply cloud = http.post("/v21.0/100000000000001/messages",
                Map.of(HttpHeaders.AUTHORIZATION, "Bearer sandbox-token"),
                Map.of("messaging_product", "whatsapp", "to", "5511987654321", "type", "text", "text", Map.of("body", "x")));
        SandboxHttp.Reply evolution = http.post("/message/sendText/sandbox", Map.of("apikey", "sandbox-api-key"),
                Map.of("number", "5511987654321", "text", "x"));

        assertThat(cloud.status()).isEqualTo(401);
        assertThat(cloud.json().get("error").get("code").asInt()).isEqualTo(190);
        assertThat(evolution.status()).isEqualTo(401);
    }

    @Test
    void invalidKnobValuesAreRefused() {
        assertThat(http.put("/sandbox/faults", Map.of("correios", Map.of("errorRate", 2.0))).status()).isEqualTo(400);
        assertThat(http.get("/sandbox/faults").json().get("correios").get("errorRate").asDouble()).isZero();
    }
}
