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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloudApiProviderTest {

    @RegisterExtension
    static WireMockExtension meta = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final OutgoingMessage MESSAGE = new OutgoingMessage("5f0c7a52-0000-5000-8000-000000000001",
            "DG049186226BR", NotificationKind.SHIPPED, "5568999990001", "Olá, Maria!", "envio_postado", "pt_BR",
            List.of("Maria", "DG049186226BR"));

    private WhatsAppProvider provider() {
        return new ProviderConfiguration().whatsAppProvider(TestProperties.of(Map.of(
                "notifier.provider", "cloud-api",
                "notifier.whatsapp.base-url", meta.baseUrl(),
                "notifier.whatsapp.token", "secret-token",
                "notifier.whatsapp.phone-number-id", "106540352242922",
                "notifier.whatsapp.app-secret", "app-secret",
                "notifier.whatsapp.verify-token", "verify-token",
                "notifier.whatsapp.read-timeout", "2s")));
    }

    @Test
    void parametersAreSentAsMetaTakesThemWithoutNewlinesTabsOrLongSpaceRuns() {
        assertThat(CloudApiProvider.parameter("Rua das Flores, 10\nCentro\t-  Londrina/PR     ")).isEqualTo(
                "Rua das Flores, 10 Centro - Londrina/PR");
        assertThat(CloudApiProvider.parameter("   ")).isEqualTo("-");
        assertThat(CloudApiProvider.parameter(null)).isEqualTo("-");
    }

    @Test
    void withoutTheAppSecretOrVerifyTokenTheCloudApiProviderRefusesToStart() {
        var withoutSecret = TestProperties.of(Map.of("notifier.provider", "cloud-api", "notifier.whatsapp.token", "t",
                "notifier.whatsapp.phone-number-id", "1", "notifier.whatsapp.verify-token", "v"));
        var withoutVerifyToken = TestProperties.of(Map.of("notifier.provider", "cloud-api", "notifier.whatsapp.token", "t",
                "notifier.whatsapp.phone-number-id", "1", "notifier.whatsapp.app-secret", "s"));

        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> new ProviderConfiguration().whatsAppProvider(withoutSecret))
                .withMessageContaining("WHATSAPP_APP_SECRET");
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> new ProviderConfiguration().whatsAppProvider(withoutVerifyToken))
                .withMessageContaining("WHATSAPP_VERIFY_TOKEN");
    }

    @Test
    void secretsNeverShowInTheSettingsText() {
        var props = TestProperties.of(Map.of("notifier.whatsapp.token", "tok-SECRET", "notifier.whatsapp.app-secret",
                "app-SECRET", "notifier.whatsapp.verify-token", "ver-SECRET", "notifier.whatsapp.webhook-token", "hook-SECRET"));

        assertThat(props.toString()).doesNotContain("SECRET").contains("token=(set)");
    }

    @Test
    void sendsTheTemplateWithBearerTokenAndCallbackDataAndReadsIds() {
        meta.stubFor(post("/v21.0/106540352242922/messages").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        { "messaging_product": "whatsapp",
                          "contacts": [ { "input": "5568999990001", "wa_id": "556899990001" } ],
                          "messages": [ { "id": "wamid.HBgLNTU2ODk5OTk5MDAwMRUCABEYEjQ", "message_status": "accepted" } ] }""")));

        SendOutcome outcome = provider().send(MESSAGE);

        assertThat(outcome).isEqualTo(new SendOutcome.Accepted("wamid.HBgLNTU2ODk5OTk5MDAwMRUCABEYEjQ", "556899990001"));
        meta.verify(postRequestedFor(urlEqualTo("/v21.0/106540352242922/messages"))
                .withHeader("Authorization", equalTo("Bearer secret-token"))
                .withRequestBody(equalToJson("""
                        { "messaging_product": "whatsapp", "recipient_type": "individual", "to": "5568999990001",
                          "type": "template",
                          "template": { "name": "envio_postado", "language": { "code": "pt_BR" },
                            "components": [ { "type": "body", "parameters": [
                              { "type": "text", "text": "Maria" }, { "type": "text", "text": "DG049186226BR" } ] } ] },
                          "biz_opaque_callback_data": "5f0c7a52-0000-5000-8000-000000000001" }""")));
    }

    @ParameterizedTest
    @CsvSource({
        "400, 131026, Rejected, ",
        "400, 130429, Retry, ",
        "400, 131056, Retry, ",
        "400, 131048, Paused, QUALITY",
        "400, 131049, Paused, QUALITY",
        "401, 190, Paused, CREDENTIALS",
        "403, 200, Paused, CREDENTIALS",
        "400, 368, Paused, CONFIGURATION",
        "400, 131031, Paused, CONFIGURATION",
        "400, 131042, Paused, CONFIGURATION",
        "400, 132000, Paused, CONFIGURATION",
        "404, 132001, Paused, CONFIGURATION",
        "400, 132018, Paused, CONFIGURATION",
        "400, 100, Rejected, ",
        "500, 1, Unknown, ",
        "503, , Unknown, ",
        "429, , Retry, ",
        "401, , Paused, CREDENTIALS",
        "404, , Paused, CONFIGURATION"
    })
    void errorCodesAreClassified(int status, Integer code, String expected, PauseCause cause) {
        String body = code == null ? "" : """
                { "error": { "message": "(#%d) something", "type": "OAuthException", "code": %d,
                  "error_data": { "messaging_product": "whatsapp", "details": "…" }, "fbtrace_id": "A1" } }"""
                .formatted(code, code);
        meta.stubFor(post("/v21.0/106540352242922/messages").willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));

        SendOutcome outcome = provider().send(MESSAGE);

        assertThat(outcome.getClass().getSimpleName()).isEqualTo(expected);
        if (code != null && code == 131026) {
            assertThat(((SendOutcome.Rejected) outcome).noWhatsapp()).isTrue();
        }
        if (outcome instanceof SendOutcome.Paused paused) {
            assertThat(paused.cause()).isEqualTo(cause);
        }
    }

    @Test
    void noAnswerInTimeIsUnknownNotRetried() {
        meta.stubFor(post("/v21.0/106540352242922/messages").willReturn(aResponse().withStatus(200).withFixedDelay(5000)));

        assertThat(provider().send(MESSAGE)).isInstanceOf(SendOutcome.Unknown.class);
        meta.verify(1, postRequestedFor(urlEqualTo("/v21.0/106540352242922/messages")));
    }

    @Test
    void aRefusedConnectionNeverReachedTheProviderSoSendingPausesAsDisconnected() {
        WhatsAppProvider closed = new ProviderConfiguration().whatsAppProvider(TestProperties.of(Map.of(
                "notifier.provider", "cloud-api",
                "notifier.whatsapp.base-url", "http://127.0.0.1:1",
                "notifier.whatsapp.token", "t",
                "notifier.whatsapp.phone-number-id", "1",
                "notifier.whatsapp.app-secret", "s",
                "notifier.whatsapp.verify-token", "v")));

        assertThat(closed.send(MESSAGE)).isInstanceOfSatisfying(SendOutcome.Paused.class,
                p -> assertThat(p.cause()).isEqualTo(PauseCause.DISCONNECTED));
        assertThat(closed.health().up()).isFalse();
    }
}
