package br.com.techassist.shipments.phone.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;


import br.com.techassist.shipments.phone.whatsapp.EvolutionDirectory.OnWhatsApp;
import br.com.techassist.shipments.phone.whatsapp.WhatsAppDirectory.NumberCheck;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

class EvolutionDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @RegisterExtension
    static WireMockExtension evolution = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void a429IsRateLimitingToRetryAfterTheWaitTheProviderAskedFor() {
        evolution.stubFor(post(urlEqualTo("/chat/whatsappNumbers/seconds"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        evolution.stubFor(post(urlEqualTo("/chat/whatsappNumbers/date"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "Fri, 27 Nov 2026 12:05:00 GMT")));
        evolution.stubFor(post(urlEqualTo("/chat/whatsappNumbers/unsaid")).willReturn(aResponse().withStatus(429)));

        assertThat(failure("seconds")).satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("rate_limited");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
            assertThat(e.getMessage()).contains("429").doesNotContain("apikey");
        });
        assertThat(failure("date").retryAfter()).contains(Duration.ofMinutes(5));
        assertThat(failure("unsaid")).satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("rate_limited");
            assertThat(e.retryAfter()).isEmpty();
        });
    }

    @Test
    void onlyA401Or403HintsAtTheApikeyOrInstance() {
        evolution.stubFor(post(urlEqualTo("/chat/whatsappNumbers/locked")).willReturn(aResponse().withStatus(401)));
        evolution.stubFor(post(urlEqualTo("/chat/whatsappNumbers/forbidden")).willReturn(aResponse().withStatus(403)));
        evolution.stubFor(post(urlEqualTo("/chat/whatsappNumbers/bad")).willReturn(aResponse().withStatus(400)));

        assertThat(failure("locked")).satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("client_error");
            assertThat(e.getMessage()).contains("401 (apikey or instance wrong?)");
        });
        assertThat(failure("forbidden").getMessage()).contains("403 (apikey or instance wrong?)");
        assertThat(failure("bad")).satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("client_error");
            assertThat(e.getMessage()).contains("400").doesNotContain("apikey");
        });
    }

    private static ProviderUnavailableException failure(String instance) {
        var http = RestClient.builder().baseUrl(evolution.baseUrl())
                .requestFactory(new SimpleClientHttpRequestFactory()) // HTTP/1.1, as in production
                .build();
        var directory = new EvolutionDirectory("evolution", http, instance, Clock.fixed(NOW, ZoneOffset.UTC));
        return catchThrowableOfType(ProviderUnavailableException.class, () -> directory.check(List.of("5543999990021")));
    }

    @Test
    void answersAreMatchedByTheEchoedNumberAndTheIdIsTheUserPartOfTheJid() {
        var answers = List.of(
                new OnWhatsApp("554399990021@s.whatsapp.net", true, "554399990021", "Maria", null),
                new OnWhatsApp("5543999990021@s.whatsapp.net", false, "5543999990021", null, null));

        assertThat(EvolutionDirectory.match(List.of("5543999990021", "554399990021"), answers)).containsExactly(
                new NumberCheck("5543999990021", null),
                new NumberCheck("554399990021", "554399990021"));
    }

    @Test
    void aLidJidIsNotAPhoneNumberSoTheIdIsTheNumberAsked() {
        var answers = List.of(new OnWhatsApp("118392045127563@lid", true, "5531998765432", null, null));

        assertThat(EvolutionDirectory.match(List.of("5531998765432"), answers))
                .containsExactly(new NumberCheck("5531998765432", "5531998765432"));
    }

    @Test
    void onlyTheCanonicalFormIsAskedBecauseEvolutionResolvesTheNinthDigit() {
        var directory = new EvolutionDirectory("evolution", org.springframework.web.client.RestClient.create(), "x",
                java.time.Clock.systemUTC());

        assertThat(directory.numbersToAsk(List.of("5531998765432", "553198765432"))).containsExactly("5531998765432");
        assertThat(directory.numbersToAsk(List.of("553133221100"))).containsExactly("553133221100");
    }

    @Test
    void anExistingNumberAnsweredUnderTheOtherFormKeepsTheReturnedJid() {
        var answers = List.of(new OnWhatsApp("553198765432@s.whatsapp.net", true, "5531998765432", null, "123@lid"));

        assertThat(EvolutionDirectory.match(List.of("5531998765432"), answers))
                .containsExactly(new NumberCheck("5531998765432", "553198765432"));
    }

    @Test
    void answersWithoutAnEchoedNumberAreMatchedByPosition() {
        var answers = List.of(new OnWhatsApp("5511987654321@s.whatsapp.net", true, null, null, null),
                new OnWhatsApp(null, false, null, null, null));

        assertThat(EvolutionDirectory.match(List.of("5511987654321", "551187654321"), answers)).containsExactly(
                new NumberCheck("5511987654321", "5511987654321"),
                new NumberCheck("551187654321", null));
    }

    @Test
    void anIncompleteAnswerIsAFailureNotANoWhatsapp() {
        var answers = List.of(new OnWhatsApp("5511987654321@s.whatsapp.net", true, "5511987654321", null, null));

        assertThatThrownBy(() -> EvolutionDirectory.match(List.of("5511987654321", "551187654321"), answers))
                .isInstanceOf(ProviderUnavailableException.class);
    }
}
