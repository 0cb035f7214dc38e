package br.com.techassist.shipments.notifier.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.notifier.TestProperties;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EvolutionProviderTest {

    @RegisterExtension
    static WireMockExtension evolution = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final OutgoingMessage MESSAGE = new OutgoingMessage("id", "DG049186226BR", NotificationKind.ARRIVED,
            "5531998765432", "Olá, Maria! Sua encomenda foi entregue.", "t", "pt_BR", List.of());

    private WhatsAppProvider provider(String kind) {
        return new ProviderConfiguration().whatsAppProvider(TestProperties.of(Map.of(
                "notifier.provider", kind,
                "notifier.whatsapp.base-url", evolution.baseUrl(),
                "notifier.whatsapp.token", "evo-key",
                "notifier.whatsapp.instance", "loja")));
    }

    @Test
    void sendsTheRenderedTextWithTheApikeyAndReadsTheJid() {
        evolution.stubFor(post("/message/sendText/loja").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        { "key": { "remoteJid": "553198765432@s.whatsapp.net", "fromMe": true, "id": "BAE594145F4C59B4" },
                          "pushName": "", "status": "PENDING", "message": { "conversation": "Olá" },
                          "messageType": "conversation", "messageTimestamp": 1717689097, "instanceId": "a1", "source": "unknown" }""")));

        SendOutcome outcome = provider("evolution").send(MESSAGE);

        assertThat(outcome).isEqualTo(new SendOutcome.Accepted("BAE594145F4C59B4", "553198765432"));
        evolution.verify(postRequestedFor(urlEqualTo("/message/sendText/loja"))
                .withHeader("apikey", equalTo("evo-key"))
                .withRequestBody(equalToJson("""
                        { "number": "5531998765432", "text": "Olá, Maria! Sua encomenda foi entregue." }""")));
    }

    @Test
    void aNumberWithoutWhatsappIsRejectedForGood() {
        evolution.stubFor(post("/message/sendText/loja").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        { "status": 400, "error": "Bad Request",
                          "response": { "message": [ { "jid": "5531998765432@s.whatsapp.net", "exists": false, "number": "5531998765432" } ] } }""")));

        SendOutcome outcome = provider("evolution").send(MESSAGE);

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Rejected.class, r -> {
            assertThat(r.noWhatsapp()).isTrue();
            assertThat(r.code()).isEqualTo("not_on_whatsapp");
            assertThat(r.reason()).startsWith("HTTP 400").doesNotContain("998765432");
        });
    }

    @Test
    void aClosedConnectionPausesSendingAndAnUnknownFourHundredProvesNothing() {
        evolution.stubFor(post("/message/sendText/loja").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"status":400,"error":"Bad Request","response":{"message":["Error: Connection Closed"]}}""")));
        assertThat(provider("evolution").send(MESSAGE)).isInstanceOfSatisfying(SendOutcome.Paused.class,
                p -> assertThat(p.cause()).isEqualTo(PauseCause.DISCONNECTED));

        evolution.stubFor(post("/message/sendText/loja").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"status":400,"error":"Bad Request","response":{"message":["TypeError: Cannot read properties of undefined (reading 'id') 5531998765432"]}}""")));
        assertThat(provider("evolution").send(MESSAGE)).isInstanceOfSatisfying(SendOutcome.Unknown.class,
                u -> assertThat(u.reason()).contains("Cannot read properties").doesNotContain("998765432"));
    }

    @Test
    void healthIsTheConnectionState() {
        evolution.stubFor(get("/instance/connectionState/loja").willReturn(okJson("""
                {"instance":{"instanceName":"loja","state":"connecting"}}""")));
        assertThat(provider("evolution").health()).isEqualTo(ProviderHealth.down(PauseCause.DISCONNECTED, "connection connecting"));

        evolution.stubFor(get("/instance/connectionState/loja").willReturn(okJson("""
                {"instance":{"instanceName":"loja","state":"open"}}""")));
        assertThat(provider("evolution").health().up()).isTrue();

        evolution.stubFor(get("/instance/connectionState/loja").willReturn(aResponse().withStatus(404)));
        assertThat(provider("evolution").health().cause()).isEqualTo(PauseCause.CONFIGURATION);
    }

    @Test
    void theRecordOfSentMessagesIsAskedForBothNinthDigitFormsOfTheJid() {
        evolution.stubFor(post("/chat/findMessages/loja")
                .withRequestBody(matchingJsonPath("$.where.key.remoteJid", equalTo("553198765432@s.whatsapp.net")))
                .willReturn(okJson("""
                        {"messages":{"total":1,"pages":1,"currentPage":1,"records":[{"id":"c1","key":{"id":"3EB0AA","fromMe":true,
                         "remoteJid":"553198765432@s.whatsapp.net"},"pushName":"","messageType":"conversation",
                         "message":{"conversation":"Olá! Código de rastreio: DG049186226BR."},"messageTimestamp":1764583200,
                         "instanceId":"a1","source":"unknown","MessageUpdate":[{"status":"DELIVERY_ACK"}]}]}}""")));
        evolution.stubFor(post("/chat/findMessages/loja")
                .withRequestBody(matchingJsonPath("$.where.key.remoteJid", equalTo("5531998765432@s.whatsapp.net")))
                .willReturn(okJson("""
                        {"messages":{"total":0,"pages":0,"currentPage":1,"records":[]}}""")));

        var found = provider("evolution").sentMessages("5531998765432", java.time.Instant.parse("2026-12-01T10:00:00Z"),
                java.time.Instant.parse("2026-12-01T11:00:00Z"));

        assertThat(found).hasValueSatisfying(list -> assertThat(list).containsExactly(
                new StoredMessage("3EB0AA", "Olá! Código de rastreio: DG049186226BR.")));
        evolution.verify(postRequestedFor(urlEqualTo("/chat/findMessages/loja")).withRequestBody(equalToJson("""
                {"where":{"key":{"remoteJid":"5531998765432@s.whatsapp.net","fromMe":true},
                 "messageTimestamp":{"gte":"2026-12-01T10:00:00Z","lte":"2026-12-01T11:00:00Z"}},"page":1,"offset":50}""")));
    }

    @Test
    void anLidJidIsNeverTakenForAPhoneNumber() {
        evolution.stubFor(post("/message/sendText/loja").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{ \"key\": { \"remoteJid\": \"123456789012345@lid\", \"fromMe\": true, \"id\": \"L1\" } }")));

        assertThat(provider("evolution").send(MESSAGE)).isEqualTo(new SendOutcome.Accepted("L1", null));
    }

    @Test
    void aWrongApikeyOrUnknownInstancePausesSendingAndServerErrorsProveNothing() {
        evolution.stubFor(post("/message/sendText/loja").willReturn(aResponse().withStatus(401)));
        assertThat(provider("evolution").send(MESSAGE)).isInstanceOfSatisfying(SendOutcome.Paused.class,
                p -> assertThat(p.cause()).isEqualTo(PauseCause.CREDENTIALS));

        evolution.stubFor(post("/message/sendText/loja").willReturn(aResponse().withStatus(404)));
        assertThat(provider("evolution").send(MESSAGE)).isInstanceOfSatisfying(SendOutcome.Paused.class,
                p -> assertThat(p.cause()).isEqualTo(PauseCause.CONFIGURATION));

        evolution.stubFor(post("/message/sendText/loja").willReturn(aResponse().withStatus(502)));
        assertThat(provider("evolution").send(MESSAGE)).isInstanceOf(SendOutcome.Unknown.class);
    }

    @Test
    void theSandboxIsTheEvolutionProtocolWithSandboxDefaults() {
        WhatsAppProvider sandbox = new ProviderConfiguration().whatsAppProvider(TestProperties.of(Map.of(
                "notifier.whatsapp.base-url", evolution.baseUrl())));
        evolution.stubFor(post("/message/sendText/sandbox").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{ \"key\": { \"remoteJid\": \"5531998765432@s.whatsapp.net\", \"id\": \"SBX1\" } }")));

        assertThat(sandbox.name()).isEqualTo("sandbox");
        assertThat(sandbox.send(MESSAGE)).isEqualTo(new SendOutcome.Accepted("SBX1", "5531998765432"));
        evolution.verify(postRequestedFor(urlEqualTo("/message/sendText/sandbox")).withHeader("apikey", equalTo("sandbox-api-key")));
    }
}
