package br.com.techassist.shipments.notifier.provider;

import br.com.techassist.shipments.notifier.NotifierProperties;
import java.net.http.HttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Chooses the provider adapter from {@code notifier.provider} ({@code WHATSAPP_PROVIDER}). */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    static final String CLOUD_API_URL = "https://graph.facebook.com";
    static final String SANDBOX_URL = "http://localhost:8090";
    private static final Logger log = LoggerFactory.getLogger(ProviderConfiguration.class);

    @Bean
    WhatsAppProvider whatsAppProvider(NotifierProperties props) {
        NotifierProperties.WhatsApp wa = props.whatsapp();
        WhatsAppProvider provider = switch (props.provider()) {
            case "cloud-api" -> {
                require(wa.token(), "WHATSAPP_TOKEN");
                require(wa.phoneNumberId(), "WHATSAPP_PHONE_NUMBER_ID");
                // webhooks are how sends are settled and opt-outs arrive: never accept them unauthenticated
                require(wa.appSecret(), "WHATSAPP_APP_SECRET");
                require(wa.verifyToken(), "WHATSAPP_VERIFY_TOKEN");
                RestClient http = client(wa, or(wa.baseUrl(), CLOUD_API_URL))
                        .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + wa.token())
                        .build();
                yield new CloudApiProvider(http, wa.apiVersion(), wa.phoneNumberId());
            }
            case "evolution" -> {
                require(wa.baseUrl(), "WHATSAPP_BASE_URL");
                require(wa.instance(), "WHATSAPP_INSTANCE");
                if (!wa.webhookUrl().isBlank()) {
                    require(wa.webhookToken(), "WHATSAPP_WEBHOOK_TOKEN");
                }
                RestClient http = client(wa, wa.baseUrl()).defaultHeader("apikey", wa.token()).build();
                yield new EvolutionProvider(http, "evolution", wa.instance());
            }
            default -> {
                RestClient http = client(wa, or(wa.baseUrl(), SANDBOX_URL))
                        .defaultHeader("apikey", or(wa.token(), "sandbox-api-key")) // the sandbox's default
                        .build();
                yield new EvolutionProvider(http, "sandbox", or(wa.instance(), "sandbox"));
            }
        };
        log.info("WhatsApp provider: {}", provider.name());
        return provider;
    }

    /** Registers this service's Evolution webhook at start-up when {@code WHATSAPP_WEBHOOK_URL} is set. */
    @Bean
    EvolutionWebhookRegistration evolutionWebhookRegistration(NotifierProperties props) {
        NotifierProperties.WhatsApp wa = props.whatsapp();
        boolean evolutionProtocol = !"cloud-api".equals(props.provider());
        RestClient http = evolutionProtocol && !wa.webhookUrl().isBlank()
                ? client(wa, or(wa.baseUrl(), SANDBOX_URL)).defaultHeader("apikey", or(wa.token(), "sandbox-api-key")).build()
                : null;
        return new EvolutionWebhookRegistration(http, or(wa.instance(), "sandbox"), wa.webhookUrl(), wa.webhookToken());
    }

    private static RestClient.Builder client(NotifierProperties.WhatsApp wa, String baseUrl) {
        HttpClient jdk = HttpClient.newBuilder()
                .connectTimeout(wa.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        var factory = new JdkClientHttpRequestFactory(jdk);
        factory.setReadTimeout(wa.readTimeout());
        return RestClient.builder().baseUrl(baseUrl).requestFactory(factory);
    }

    private static void require(String value, String variable) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " must be set for this WHATSAPP_PROVIDER");
        }
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
