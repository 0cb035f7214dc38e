package br.com.techassist.shipments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WhatsAppApiIT extends SandboxApiTestBase {

    private static final Map<String, String> API_KEY = Map.of("apikey", "sandbox-api-key");
    private static final Map<String, String> CLOUD_TOKEN = Map.of(HttpHeaders.AUTHORIZATION, "Bearer sandbox-token");
    private static final String CLOUD_SEND = "/v21.0/100000000000001/messages";

    /** The notifier's {@code envio_postado} template with these five body parameters. */
    static Map<String, Object> shippedTemplate(String... parameters) {
        return Map.of("name", "envio_postado", "language", Map.of("code", "pt_BR"), "components", List.of(Map.of(
                "type", "body", "parameters", java.util.Arrays.stream(parameters)
                        .map(text -> Map.of("type", "text", "text", text)).toList())));
    }

    private JsonNode recipient(String phoneKind) {
        return generate(1, "MANUAL", phoneKind).get(0);
    }

    private static String mobileAsGiven(JsonNode parcel) {
        JsonNode phone = parcel.get("phone");
        return "55" + phone.get("dddCelular").asString() + phone.get("celular").asString();
    }

    private static String withoutNinthDigit(String number) {
        return number.substring(0, 4) + number.substring(5);
    }

    @Test
    void whatsappNumbersAnswersWhichFormExistsAndTheRealJid() {
        JsonNode withNine = recipient("MOBILE_WITH_NINTH_DIGIT");
        JsonNode oldAccount = recipient("MOBILE_ACCOUNT_WITHOUT_NINTH_DIGIT");
        JsonNode none = recipient("MOBILE_WITHOUT_WHATSAPP");
        List<String> asked = List.of(mobileAsGiven(withNine), mobileAsGiven(oldAccount),
                withoutNinthDigit(mobileAsGiven(oldAccount)), mobileAsGiven(none), withoutNinthDigit(mobileAsGiven(none)));

        SandboxHttp.Reply reply = http.post("/chat/whatsappNumbers/sandbox", API_KEY, Map.of("numbers", asked));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode answers = reply.json();
        assertThat(answers).hasSize(5);
        assertThat(answers.get(0).get("exists").asBoolean()).isTrue();
        assertThat(answers.get(0).get("jid").asString()).isEqualTo(withNine.get("whatsappId").asString() + "@s.whatsapp.net");
        String oldJid = oldAccount.get("whatsappId").asString() + "@s.whatsapp.net";
        assertThat(oldAccount.get("whatsappId").asString()).hasSize(12);
        assertThat(answers.get(1).get("exists").asBoolean()).isTrue();
        assertThat(answers.get(1).get("jid").asString()).isEqualTo(oldJid);
        assertThat(answers.get(1).get("number").asString()).isEqualTo(asked.get(1));
        assertThat(answers.get(2).get("jid").asString()).isEqualTo(oldJid);
        assertThat(answers.get(3).get("exists").asBoolean()).isFalse();
        assertThat(answers.get(4).get("exists").asBoolean()).isFalse();
    }

    @Test
    void evolutionDeliversToTheExactIdLeavesAGhostChatForTheWrongFormAndRefusesUnknownNumbers() {
        JsonNode oldAccount = recipient("MOBILE_ACCOUNT_WITHOUT_NINTH_DIGIT");
        String realId = oldAccount.get("whatsappId").asString();
        String wrongForm = mobileAsGiven(oldAccount);
        String nobody = mobileAsGiven(recipient("MOBILE_WITHOUT_WHATSAPP"));

        SandboxHttp.Reply delivered = http.post("/message/sendText/sandbox", API_KEY,
                Map.of("number", realId, "text", "Seu pedido foi enviado: QB123456785BR"));
        SandboxHttp.Reply ghost = http.post("/message/sendText/sandbox", API_KEY, Map.of("number", wrongForm, "text", "Olá"));
        SandboxHttp.Reply refused = http.post("/message/sendText/sandbox", API_KEY, Map.of("number", nobody, "text", "Olá"));

        assertThat(delivered.status()).isEqualTo(201);
        assertThat(delivered.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(delivered.json().get("key").get("fromMe").asBoolean()).isTrue();
        assertThat(ghost.status()).isEqualTo(201);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("response").get("message").get(0).get("exists").asBoolean()).isFalse();

        JsonNode toReal = http.get("/sandbox/whatsapp/messages?to=" + realId).json();
        assertThat(toReal).anySatisfy(m -> {
            assertThat(m.get("provider").asString()).isEqualTo("evolution");
            assertThat(m.get("kind").asString()).isEqualTo("text");
            assertThat(m.get("text").asString()).contains("QB123456785BR");
            assertThat(m.get("delivered").asBoolean()).isTrue();
        });
        JsonNode toWrongForm = http.get("/sandbox/whatsapp/messages?to=" + wrongForm).json();
        assertThat(toWrongForm).singleElement().satisfies(m -> {
            assertThat(m.get("delivery").asString()).isEqualTo("GHOST");
            assertThat(m.get("delivered").asBoolean()).isFalse();
        });
        assertThat(http.get("/sandbox/whatsapp/messages?to=" + nobody).json()).singleElement()
                .satisfies(m -> assertThat(m.get("delivery").asString()).isEqualTo("REJECTED"));
    }

    @Test
    void evolutionChecksTheApiKeyAndTheInstance() {
        assertThat(http.post("/message/sendText/sandbox", Map.of("apikey", "wrong"), Map.of("number", "5511987654321", "text", "x"))
                .status()).isEqualTo(401);
        assertThat(http.post("/chat/whatsappNumbers/other", API_KEY, Map.of("numbers", List.of("5511987654321")))
                .status()).isEqualTo(404);
    }

    @Test
    void cloudApiDeliversATemplateToTheAccountAndPostsSignedStatusWebhooks() throws Exception {
        JsonNode oldAccount = recipient("MOBILE_ACCOUNT_WITHOUT_NINTH_DIGIT");
        String asGiven = mobileAsGiven(oldAccount);

        SandboxHttp.Reply reply = http.post(CLOUD_SEND, CLOUD_TOKEN, Map.of(
                "messaging_product", "whatsapp", "recipient_type", "individual", "to", asGiven, "type", "template",
                "template", shippedTemplate("Maria", "Notebook", "QB123456785BR", "Manaus/AM", "https://r.example/x"),
                "biz_opaque_callback_data", "shipment:QB123456785BR"));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("contacts").get(0).get("input").asString()).isEqualTo(asGiven);
        assertThat(body.get("contacts").get(0).get("wa_id").asString()).isEqualTo(oldAccount.get("whatsappId").asString());
        String messageId = body.get("messages").get(0).get("id").asString();
        assertThat(messageId).startsWith("wamid.");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(statusesOf(messageId)).contains("sent", "delivered"));
        for (WebhookReceiver.Received webhook : webhooksOf(messageId)) {
            assertThat(webhook.signature()).isEqualTo("sha256=" + hmac("sandbox-app-secret", webhook.body()));
            JsonNode status = statusIn(webhook);
            assertThat(status.get("recipient_id").asString()).isEqualTo(oldAccount.get("whatsappId").asString());
            assertThat(status.get("biz_opaque_callback_data").asString()).isEqualTo("shipment:QB123456785BR");
        }
        JsonNode sent = http.get("/sandbox/whatsapp/messages?to=" + asGiven).json().get(0);
        assertThat(sent.get("provider").asString()).isEqualTo("cloud-api");
        assertThat(sent.get("template").get("name").asString()).isEqualTo("envio_postado");
        assertThat(sent.get("template").get("parameters")).extracting(JsonNode::asString)
                .containsExactly("Maria", "Notebook", "QB123456785BR", "Manaus/AM", "https://r.example/x");
        assertThat(sent.get("delivered").asBoolean()).isTrue();
    }

    @Test
    void cloudApiAcceptsANumberWithoutWhatsAppAndLaterReportsFailure131026() {
        String nobody = mobileAsGiven(recipient("MOBILE_WITHOUT_WHATSAPP"));

        SandboxHttp.Reply reply = http.post(CLOUD_SEND, CLOUD_TOKEN, Map.of("messaging_product", "whatsapp", "to", nobody,
                "type", "template", "template", shippedTemplate("Ana", "Tablet", "QB123456785BR", "Recife/PE", "x")));

        assertThat(reply.status()).isEqualTo(200);
        String messageId = reply.json().get("messages").get(0).get("id").asString();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(statusesOf(messageId)).containsExactly("failed"));
        JsonNode failed = statusIn(webhooksOf(messageId).getFirst());
        assertThat(failed.get("errors").get(0).get("code").asInt()).isEqualTo(131026);
    }

    @Test
    void cloudApiRefusesABadTokenAndAnEmptyTemplateParameterInTheGraphErrorEnvelope() {
        SandboxHttp.Reply badToken = http.post(CLOUD_SEND, Map.of(HttpHeaders.AUTHORIZATION, "Bearer nope"),
                Map.of("messaging_product", "whatsapp", "to", "5511987654321", "type", "text", "text", Map.of("body", "x")));
        SandboxHttp.Reply emptyParameter = http.post(CLOUD_SEND, CLOUD_TOKEN, Map.of("messaging_product", "whatsapp",
                "to", "5511987654321", "type", "template", "template", Map.of("name", "envio_postado",
                        "language", Map.of("code", "pt_BR"), "components", List.of(Map.of("type", "body",
                                "parameters", List.of(Map.of("type", "text", "text", "")))))));

        assertThat(badToken.status()).isEqualTo(401);
        assertThat(badToken.json().get("error").get("code").asInt()).isEqualTo(190);
        assertThat(emptyParameter.status()).isEqualTo(400);
        assertThat(emptyParameter.json().get("error").get("code").asInt()).isEqualTo(100);
        assertThat(emptyParameter.json().get("error").get("fbtrace_id").asString()).isNotBlank();
    }

    @Test
    void theInboxPageIsServedAsHtml() {
        SandboxHttp.Reply page = http.get("/sandbox/inbox");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().getContentType().toString()).startsWith("text/html");
        assertThat(page.raw()).contains("/sandbox/whatsapp/messages");
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
