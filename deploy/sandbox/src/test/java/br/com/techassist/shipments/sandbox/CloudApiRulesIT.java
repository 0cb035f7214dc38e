package br.com.techassist.shipments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Cloud API fake is as strict as Meta: approved templates, parameter rules, the 24 h window, status faults. */
class CloudApiRulesIT extends SandboxApiTestBase {

    private static final Map<String, String> CLOUD_TOKEN = Map.of(HttpHeaders.AUTHORIZATION, "Bearer sandbox-token");
    private static final String CLOUD_SEND = "/v21.0/100000000000001/messages";

    private String account() {
        return generate(1, "MANUAL", "MOBILE_WITH_NINTH_DIGIT").get(0).get("whatsappId").asString();
    }

    private SandboxHttp.Reply sendTemplate(String to, String name, String language, String... parameters) {
        return http.post(CLOUD_SEND, CLOUD_TOKEN, Map.of("messaging_product", "whatsapp", "to", to, "type", "template",
                "template", Map.of("name", name, "language", Map.of("code", language), "components", List.of(Map.of(
                        "type", "body", "parameters", java.util.Arrays.stream(parameters)
                                .map(text -> Map.of("type", "text", "text", text)).toList())))));
    }

    private SandboxHttp.Reply sendText(String to) {
        return http.post(CLOUD_SEND, CLOUD_TOKEN, Map.of("messaging_product", "whatsapp", "to", to, "type", "text",
                "text", Map.of("body", "Olá, tudo bem?")));
    }

    private static void assertRefused(SandboxHttp.Reply reply, int code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
        JsonNode error = reply.json().get("error");
        assertThat(error.get("code").asInt()).isEqualTo(code);
        assertThat(error.get("message").asString()).startsWith("(#" + code + ")");
        assertThat(error.get("error_data").get("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(error.get("fbtrace_id").asString()).isNotBlank();
    }

    @Test
    void anUnknownTemplateOrLanguageIs132001AndAWrongParameterCountIs132000() {
        String to = account();

        assertRefused(sendTemplate(to, "pedido_enviado", "pt_BR", "a", "b", "c", "d", "e"), 132001);
        assertRefused(sendTemplate(to, "envio_postado", "en_US", "a", "b", "c", "d", "e"), 132001);
        assertRefused(sendTemplate(to, "envio_entregue", "pt_BR", "a", "b", "c", "d"), 132000);
        assertThat(sendTemplate(to, "envio_aguardando_retirada", "pt_BR", "a", "b", "c", "d", "e").status()).isEqualTo(200);
        assertThat(http.get("/sandbox/whatsapp/messages?to=" + to).json()).hasSize(1);
    }

    @Test
    void aParameterWithANewlineATabOrFiveSpacesIs132018() {
        String to = account();

        assertRefused(sendTemplate(to, "envio_postado", "pt_BR", "Maria", "Notebook", "QB1", "Rua A, 1\nCentro", "x"), 132018);
        assertRefused(sendTemplate(to, "envio_postado", "pt_BR", "Maria", "Note\tbook", "QB1", "Manaus", "x"), 132018);
        assertRefused(sendTemplate(to, "envio_postado", "pt_BR", "Maria     Silva", "Notebook", "QB1", "Manaus", "x"), 132018);
        assertThat(sendTemplate(to, "envio_postado", "pt_BR", "Maria    Silva", "Notebook", "QB1", "Manaus", "x").status())
                .isEqualTo(200);
    }

    @Test
    void freeFormTextIs131047OutsideTheCustomerWindowAndAcceptedAfterTheCustomerWrote() {
        String to = account();

        assertRefused(sendText(to), 131047);
        assertThat(http.post("/sandbox/whatsapp/inbound", Map.of(), Map.of("from", to, "text", "Oi, SAIR",
                "provider", "cloud-api")).status()).isEqualTo(201);
        assertThat(sendText(to).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(inboundFrom(to)).isNotNull());
        JsonNode value = inboundFrom(to);
        assertThat(value.get("messages").get(0).get("text").get("body").asString()).isEqualTo("Oi, SAIR");
        assertThat(value.get("messages").get(0).get("type").asString()).isEqualTo("text");
        assertThat(value.get("contacts").get(0).get("wa_id").asString()).isEqualTo(to);
        assertThat(value.get("metadata").get("phone_number_id").asString()).isEqualTo("100000000000001");
    }

    /** The {@code value} of the signed Cloud API webhook carrying a customer's message from {@code waId}, or null. */
    private static JsonNode inboundFrom(String waId) {
        return WEBHOOKS.received().stream()
                .filter(received -> received.signature().startsWith("sha256="))
                .map(received -> JsonMapper.builder().build().readTree(received.body())
                        .get("entry").get(0).get("changes").get(0).get("value"))
                .filter(value -> value.has("messages") && value.get("messages").get(0).get("from").asString().equals(waId))
                .findFirst().orElse(null);
    }

    @Test
    void theFailedKnobTurnsStatusesInto131049AndTheOutOfOrderKnobReversesThem() {
        String to = account();
        http.put("/sandbox/faults", Map.of("whatsapp", Map.of("statusFailedRate", 1.0)));
        String failed = sendTemplate(to, "envio_postado", "pt_BR", "a", "b", "c", "d", "e")
                .json().get("messages").get(0).get("id").asString();
        http.put("/sandbox/faults", Map.of("whatsapp", Map.of("statusFailedRate", 0.0, "statusOutOfOrderRate", 1.0)));
        String reversed = sendTemplate(to, "envio_postado", "pt_BR", "a", "b", "c", "d", "e")
                .json().get("messages").get(0).get("id").asString();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(statusesOf(failed)).containsExactly("failed");
            assertThat(statusesOf(reversed)).hasSizeGreaterThanOrEqualTo(2).endsWith("sent");
        });
        JsonNode error = statusIn(webhooksOf(failed).getFirst()).get("errors").get(0);
        assertThat(error.get("code").asInt()).isEqualTo(131049);
        assertThat(statusesOf(reversed).getFirst()).isIn("read", "delivered");
    }

    @Test
    void anAcceptedSendAnswered500IsDeliveredAndLooksLikeAnyOther500() {
        String to = account();
        http.put("/sandbox/faults", Map.of("whatsapp", Map.of("acceptThenFailCount", 1)));

        SandboxHttp.Reply accepted = sendTemplate(to, "envio_postado", "pt_BR", "a", "b", "c", "d", "e");
        http.put("/sandbox/faults", Map.of("whatsapp", Map.of("errorRate", 1.0)));
        SandboxHttp.Reply refused = sendTemplate(to, "envio_postado", "pt_BR", "a", "b", "c", "d", "e");

        assertThat(accepted.status()).isEqualTo(500);
        assertThat(refused.status()).isEqualTo(500);
        assertThat(accepted.json().get("error").get("code").asInt()).isEqualTo(refused.json().get("error").get("code").asInt());
        assertThat(accepted.json().get("error").get("message").asString())
                .isEqualTo(refused.json().get("error").get("message").asString());
        JsonNode messages = http.get("/sandbox/whatsapp/messages?to=" + to).json();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("delivered").asBoolean()).isTrue();
        assertThat(http.get("/sandbox/faults").json().get("whatsapp").get("acceptThenFailCount").asInt()).isZero();
    }
}
