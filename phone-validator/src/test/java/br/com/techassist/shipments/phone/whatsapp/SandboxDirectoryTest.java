package br.com.techassist.shipments.phone.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.techassist.shipments.phone.PhoneValidatorProperties;
import br.com.techassist.shipments.phone.whatsapp.WhatsAppDirectory.NumberCheck;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestClient;

/** The {@code sandbox} provider is the Evolution adapter with the sandbox's instance and apikey by default. */
class SandboxDirectoryTest {

    @RegisterExtension
    static WireMockExtension sandbox = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private WhatsAppDirectory directory(String provider, String instance, String token) {
        var props = new PhoneValidatorProperties(provider,
                new PhoneValidatorProperties.WhatsApp(sandbox.baseUrl(), token, instance, Duration.ofSeconds(5),
                        Duration.ofSeconds(20)),
                Duration.ofDays(30),
                new PhoneValidatorProperties.Checks(20, 30, Duration.ofSeconds(2), Duration.ofSeconds(30),
                        Duration.ofMinutes(15), Duration.ofMinutes(2)));
        return new WhatsAppDirectoryConfiguration().whatsAppDirectory(props, RestClient.builder());
    }

    @Test
    void sandboxSpeaksTheEvolutionFormatWithItsDefaultInstanceAndApikey() {
        sandbox.stubFor(post(urlEqualTo("/chat/whatsappNumbers/sandbox"))
                .withHeader("apikey", equalTo("sandbox-api-key"))
                .withRequestBody(equalToJson("{\"numbers\": [\"5543999990021\", \"554399990021\"]}"))
                .willReturn(okJson("""
                        [{"jid": "554399990021@s.whatsapp.net", "exists": true, "number": "5543999990021", "name": "Ana"},
                         {"jid": "554399990021@s.whatsapp.net", "exists": true, "number": "554399990021", "name": "Ana"}]""")));

        WhatsAppDirectory directory = directory("sandbox", null, "");

        assertThat(directory.name()).isEqualTo("sandbox");
        assertThat(directory.check(List.of("5543999990021", "554399990021"))).containsExactly(
                new NumberCheck("5543999990021", "554399990021"), new NumberCheck("554399990021", "554399990021"));
    }

    @Test
    void serverErrorsAndRefusalsAreFailuresToRetryNeverAnswers() {
        sandbox.stubFor(post(urlEqualTo("/chat/whatsappNumbers/down")).willReturn(serverError()));
        sandbox.stubFor(post(urlEqualTo("/chat/whatsappNumbers/locked")).willReturn(unauthorized()));

        assertThatThrownBy(() -> directory("evolution", "down", "k").check(List.of("5543999990021")))
                .isInstanceOf(ProviderUnavailableException.class)
                .satisfies(e -> assertThat(((ProviderUnavailableException) e).outcome()).as(e.getMessage()).isEqualTo("server_error"));
        assertThatThrownBy(() -> directory("evolution", "locked", "k").check(List.of("5543999990021")))
                .isInstanceOf(ProviderUnavailableException.class)
                .extracting(e -> ((ProviderUnavailableException) e).outcome()).isEqualTo("client_error");
    }

    @Test
    void evolutionWithoutABaseUrlRefusesToStart() {
        var props = new PhoneValidatorProperties("evolution",
                new PhoneValidatorProperties.WhatsApp(" ", "k", "shipments", Duration.ofSeconds(1), Duration.ofSeconds(2)),
                Duration.ofDays(30), new PhoneValidatorProperties.Checks(20, 30, Duration.ofSeconds(2),
                        Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(2)));

        assertThatThrownBy(() -> new WhatsAppDirectoryConfiguration().whatsAppDirectory(props, RestClient.builder()))
                .hasMessageContaining("WHATSAPP_BASE_URL");
    }

    @Test
    void cloudApiMakesNoChecks() {
        assertThat(directory("cloud-api", null, null).canCheck()).isFalse();
    }
}
