package br.com.techassist.shipments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Evolution API fake answers as Evolution 2.3 does: connection state, faults, stored messages, webhooks. */
class EvolutionApiIT extends SandboxApiTestBase {

    private static final Map<String, String> API_KEY = Map.of("apikey", "sandbox-api-key");

    @BeforeEach
    void setWebhook() {
        SandboxHttp.Reply set = http.post("/webhook/set/sandbox", API_KEY, Map.of("webhook", Map.of(
                "enabled", true, "url", WEBHOOKS.evolutionUrl(), "headers", Map.of("x-token", "s3cret"),
                "byEvents", false, "base64", false, "events", List.of("MESSAGES_UPSERT", "MESSAGES_UPDATE"))));
        assertThat(set.status()).as(set.raw()).isEqualTo(201);
    }

    private String account() {
        return generate(1, "MANUAL", "MOBILE_WITH_NINTH_DIGIT").get(0).get("whatsappId").asString();
    }

    private SandboxHttp.Reply send(String number, String text) {
        return http.post("/message/sendText/sandbox", API_KEY, Map.of("number", number, "text", text));
    }

    private String state() {
        return http.get("/instance/connectionState/sandbox", API_KEY).json().get("instance").get("state").asString();
    }

    private JsonNode find(String jid, Instant from, Instant to, int page, int offset) {
        SandboxHttp.Reply reply = http.post("/chat/findMessages/sandbox", API_KEY, Map.of(
                "where", Map.of("key", Map.of("remoteJid", jid, "fromMe", true),
                        "messageTimestamp", Map.of("gte", from.toString(), "lte", to.toString())),
                "page", page, "offset", offset));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.json().get("messages");
    }

    private static List<JsonNode> evolutionWebhooks(String event) {
        return WEBHOOKS.evolution().stream()
                .map(received -> JsonMapper.builder().build().readTree(received.body()))
                .filter(body -> body.get("event").asString().equals(event))
                .toList();
    }

    private static List<String> updatesOf(String keyId) {
        return evolutionWebhooks("messages.update").stream()
                .filter(body -> body.get("data").get("keyId").asString().equals(keyId))
                .map(body -> body.get("data").get("status").asString())
                .toList();
    }

    @Test
    void connectionStateIsOpenAndEveryEndpointChecksTheApiKeyThenTheInstance() {
        SandboxHttp.Reply state = http.get("/instance/connectionState/sandbox", API_KEY);

        assertThat(state.status()).isEqualTo(200);
        assertThat(state.json().get("instance").get("instanceName").asString()).isEqualTo("sandbox");
        assertThat(state.json().get("instance").get("state").asString()).isEqualTo("open");
        assertThat(http.get("/instance/connectionState/sandbox", Map.of("apikey", "wrong")).status()).isEqualTo(401);
        SandboxHttp.Reply unknown = http.get("/instance/connectionState/other", API_KEY);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("response").get("message").get(0).asString())
                .isEqualTo("The \"other\" instance does not exist");
        assertThat(http.post("/chat/findMessages/other", API_KEY, Map.of()).status()).isEqualTo(404);
        assertThat(http.post("/message/sendText/other", API_KEY, Map.of("number", "5511987654321", "text", "x")).status())
                .isEqualTo(404);
        assertThat(http.post("/webhook/set/other", API_KEY, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void whatsappNumbersRefusesDuplicateAndEmptyListsLikeTheSchema() {
        SandboxHttp.Reply duplicates = http.post("/chat/whatsappNumbers/sandbox", API_KEY,
                Map.of("numbers", List.of("5592991234567", "5592991234567")));
        SandboxHttp.Reply empty = http.post("/chat/whatsappNumbers/sandbox", API_KEY, Map.of("numbers", List.of()));

        assertThat(duplicates.status()).isEqualTo(400);
        assertThat(duplicates.json().get("error").asString()).isEqualTo("Bad Request");
        assertThat(duplicates.json().get("response").get("message").get(0).get(0).asString())
                .isEqualTo("numbers contains duplicate item");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("response").get("message").get(0).get(0).asString())
                .isEqualTo("numbers does not meet minimum length of 1");
    }

    @Test
    void aClosedConnectionRefusesSendsWith400UntilItReopensByItself() {
        String to = account();
        http.put("/sandbox/faults", Map.of("whatsapp", Map.of("connectionClosedFor", "PT2S")));

        SandboxHttp.Reply refused = send(to, "Seu pedido QB123456785BR foi enviado");
        SandboxHttp.Reply check = http.post("/chat/whatsappNumbers/sandbox", API_KEY, Map.of("numbers", List.of(to)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("status").asInt()).isEqualTo(400);
        assertThat(refused.json().get("error").asString()).isEqualTo("Bad Request");
        assertThat(refused.json().get("response").get("message").get(0).asString()).isEqualTo("Error: Connection Closed");
        assertThat(check.status()).isEqualTo(500);
        assertThat(state()).isIn("close", "connecting");
        await().atMost(Duration.ofSeconds(10)).until(() -> state().equals("connecting"));
        await().atMost(Duration.ofSeconds(10)).until(() -> state().equals("open"));
        assertThat(send(to, "Seu pedido QB123456785BR foi enviado").status()).isEqualTo(201);
        assertThat(http.get("/sandbox/whatsapp/messages?to=" + to).json()).hasSize(1);
    }

    @Test
    void findMessagesAnswersWhatWasSentNewestFirstInPages() {
        String to = account();
        String jid = to + "@s.whatsapp.net";
        Instant before = Instant.now().minusSeconds(1);
        String first = send(to, "primeira QB111111111BR").json().get("key").get("id").asString();
        String second = send(to, "segunda QB222222222BR").json().get("key").get("id").asString();
        send(account(), "para outra pessoa");
        Instant after = Instant.now().plusSeconds(1);

        JsonNode all = find(jid, before, after, 1, 50);
        JsonNode secondPage = find(jid, before, after, 2, 1);
        JsonNode earlier = find(jid, before.minusSeconds(3600), before, 1, 50);

        assertThat(all.get("total").asInt()).isEqualTo(2);
        assertThat(all.get("pages").asInt()).isEqualTo(1);
        assertThat(all.get("currentPage").asInt()).isEqualTo(1);
        JsonNode newest = all.get("records").get(0);
        assertThat(newest.get("key").get("id").asString()).isEqualTo(second);
        assertThat(newest.get("key").get("remoteJid").asString()).isEqualTo(jid);
        assertThat(newest.get("key").get("fromMe").asBoolean()).isTrue();
        assertThat(newest.get("messageType").asString()).isEqualTo("conversation");
        assertThat(newest.get("message").get("conversation").asString()).isEqualTo("segunda QB222222222BR");
        assertThat(newest.get("messageTimestamp").asLong()).isBetween(before.getEpochSecond(), after.getEpochSecond());
        assertThat(newest.get("id").asString()).isNotBlank();
        assertThat(newest.get("instanceId").asString()).isNotBlank();
        assertThat(newest.has("MessageUpdate")).isTrue();
        assertThat(all.get("records").get(1).get("key").get("id").asString()).isEqualTo(first);
        assertThat(secondPage.get("pages").asInt()).isEqualTo(2);
        assertThat(secondPage.get("records").get(0).get("key").get("id").asString()).isEqualTo(first);
        assertThat(earlier.get("total").asInt()).isZero();
    }

    @Test
    void withStorageOffNothingSentIsFound() {
        String to = account();
        http.put("/sandbox/faults", Map.of("whatsapp", Map.of("evolutionStorageOff", true)));
        Instant before = Instant.now().minusSeconds(1);

        assertThat(send(to, "Seu pedido QB123456785BR foi enviado").status()).isEqualTo(201);

        assertThat(find(to + "@s.whatsapp.net", before, Instant.now().plusSeconds(1), 1, 50).get("total").asInt()).isZero();
        assertThat(http.get("/sandbox/whatsapp/messages?to=" + to).json()).hasSize(1);
    }

    @Test
    void anAcceptedSendAnswered500IsStoredDeliveredAndLooksLikeAnyOther500() {
        String to = account();
        Instant before = Instant.now().minusSeconds(1);
        http.put("/sandbox/faults", Map.of("whatsapp", Map.of("acceptThenFailCount", 1)));

        SandboxHttp.Reply accepted = send(to, "Seu pedido QB123456785BR foi enviado");
        http.put("/sandbox/faults", Map.of("whatsapp", Map.of("errorRate", 1.0)));
        SandboxHttp.Reply refused = send(to, "Seu pedido QB123456785BR foi enviado");
        http.delete("/sandbox/faults");

        assertThat(accepted.status()).isEqualTo(500);
        assertThat(accepted.raw()).isEqualTo(refused.raw());
        assertThat(http.get("/sandbox/whatsapp/messages?to=" + to).json()).singleElement()
                .satisfies(message -> assertThat(message.get("delivered").asBoolean()).isTrue());
        assertThat(find(to + "@s.whatsapp.net", before, Instant.now().plusSeconds(1), 1, 50).get("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void sentMessagesGetMessagesUpdateWebhooksWithTheConfiguredHeaders() {
        String to = account();
        String keyId = send(to, "Seu pedido QB123456785BR foi enviado").json().get("key").get("id").asString();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(updatesOf(keyId)).startsWith("SERVER_ACK", "DELIVERY_ACK"));
        JsonNode update = evolutionWebhooks("messages.update").stream()
                .filter(body -> body.get("data").get("keyId").asString().equals(keyId)).findFirst().orElseThrow();
        assertThat(update.get("instance").asString()).isEqualTo("sandbox");
        assertThat(update.get("destination").asString()).isEqualTo(WEBHOOKS.evolutionUrl());
        assertThat(update.get("sender").asString()).endsWith("@s.whatsapp.net");
        assertThat(update.get("apikey").asString()).isEqualTo("sandbox-api-key");
        assertThat(update.get("server_url").asString()).startsWith("http");
        assertThat(update.get("date_time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(update.get("data").get("remoteJid").asString()).isEqualTo(to + "@s.whatsapp.net");
        assertThat(update.get("data").get("fromMe").asBoolean()).isTrue();
        assertThat(update.get("data").get("messageId").asString()).isNotBlank();
        assertThat(WEBHOOKS.evolution()).allSatisfy(received -> assertThat(received.token()).isEqualTo("s3cret"));
    }

    @Test
    void statusFaultsGiveErrorOrReverseTheOrder() {
        String to = account();
        http.put("/sandbox/faults", Map.of("whatsapp", Map.of("statusFailedRate", 1.0)));
        String failed = send(to, "um").json().get("key").get("id").asString();
        http.put("/sandbox/faults", Map.of("whatsapp", Map.of("statusFailedRate", 0.0, "statusOutOfOrderRate", 1.0)));
        String reversed = send(to, "dois").json().get("key").get("id").asString();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(updatesOf(failed)).containsExactly("ERROR");
            assertThat(updatesOf(reversed)).hasSizeGreaterThanOrEqualTo(2).endsWith("SERVER_ACK");
        });
    }

    @Test
    void aFakePhoneAnswersWithMessagesUpsertCarryingItsPhoneJidEvenWhenAddressedByLid() {
        String from = account();

        SandboxHttp.Reply pn = http.post("/sandbox/whatsapp/inbound", Map.of(), Map.of("from", from, "text", "SAIR"));
        SandboxHttp.Reply lid = http.post("/sandbox/whatsapp/inbound", Map.of(),
                Map.of("from", from, "text", "sair", "addressing", "lid"));

        assertThat(pn.status()).isEqualTo(201);
        assertThat(lid.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(evolutionWebhooks("messages.upsert")
                .stream().filter(body -> body.get("data").get("key").toString().contains(from)).toList()).hasSize(2));
        List<JsonNode> upserts = evolutionWebhooks("messages.upsert").stream()
                .filter(body -> body.get("data").get("key").toString().contains(from)).toList();
        JsonNode byPhone = upserts.stream().filter(body -> body.get("data").get("message").get("conversation")
                .asString().equals("SAIR")).findFirst().orElseThrow().get("data");
        JsonNode byLid = upserts.stream().filter(body -> body.get("data").get("message").get("conversation")
                .asString().equals("sair")).findFirst().orElseThrow().get("data");
        assertThat(byPhone.get("key").get("remoteJid").asString()).isEqualTo(from + "@s.whatsapp.net");
        assertThat(byPhone.get("key").get("fromMe").asBoolean()).isFalse();
        assertThat(byPhone.get("messageType").asString()).isEqualTo("conversation");
        assertThat(byLid.get("key").get("remoteJid").asString()).endsWith("@lid").doesNotContain(from);
        assertThat(byLid.get("key").get("remoteJidAlt").asString()).isEqualTo(from + "@s.whatsapp.net");
        assertThat(byLid.get("key").get("addressingMode").asString()).isEqualTo("lid");
        assertThat(http.post("/sandbox/whatsapp/inbound", Map.of(), Map.of("from", "5511900000000", "text", "x")).status())
                .isEqualTo(404);
    }

    @Test
    void webhookSetValidatesLikeTheSchemaAndFindReturnsIt() {
        SandboxHttp.Reply missing = http.post("/webhook/set/sandbox", API_KEY, Map.of("webhook", Map.of("enabled", true)));
        SandboxHttp.Reply badEvent = http.post("/webhook/set/sandbox", API_KEY, Map.of("webhook",
                Map.of("enabled", true, "url", WEBHOOKS.evolutionUrl(), "events", List.of("NOT_AN_EVENT"))));
        JsonNode found = http.get("/webhook/find/sandbox", API_KEY).json();

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("response").get("message").get(0).get(0).asString())
                .isEqualTo("webhook requires property \"url\"");
        assertThat(badEvent.status()).isEqualTo(400);
        assertThat(found.get("url").asString()).isEqualTo(WEBHOOKS.evolutionUrl());
        assertThat(found.get("enabled").asBoolean()).isTrue();
        assertThat(found.get("events")).extracting(JsonNode::asString).containsExactly("MESSAGES_UPSERT", "MESSAGES_UPDATE");
        assertThat(found.get("headers").get("x-token").asString()).isEqualTo("s3cret");
    }
}
