package br.com.techassist.shipments.notifier.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
            assertThat(r.reason()).startsWith("HTTP 400");
        });
    }

    @Test
    void aWrongApikeyStopsSendingAndServerErrorsAreRetried() {
        evolution.stubFor(post("/message/sendText/loja").willReturn(aResponse().withStatus(401)));
        assertThat(provider("evolution").send(MESSAGE)).isInstanceOf(SendOutcome.AuthFailed.class);

        evolution.stubFor(post("/message/sendText/loja").willReturn(aResponse().withStatus(502)));
        assertThat(provider("evolution").send(MESSAGE)).isInstanceOf(SendOutcome.Retry.class);
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
