package br.com.techassist.shipments.phone.whatsapp;

import br.com.techassist.shipments.phone.PhoneValidatorProperties;
import java.net.http.HttpClient;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Chooses the provider adapter from {@code phone.provider} ({@code WHATSAPP_PROVIDER}). */
@Configuration(proxyBeanMethods = false)
class WhatsAppDirectoryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppDirectoryConfiguration.class);

    @Bean
    WhatsAppDirectory whatsAppDirectory(PhoneValidatorProperties props, RestClient.Builder builder) {
        var wa = props.whatsapp();
        return switch (props.provider()) {
            case "cloud-api" -> {
                log.info("WhatsApp provider cloud-api: numbers are published UNVERIFIED (Meta offers no check)");
                yield new CloudApiDirectory();
            }
            case "evolution" -> {
                if (wa.baseUrl() == null || wa.baseUrl().isBlank() || wa.instance() == null || wa.instance().isBlank()) {
                    throw new IllegalStateException(
                            "WHATSAPP_PROVIDER=evolution needs WHATSAPP_BASE_URL and WHATSAPP_INSTANCE (and WHATSAPP_TOKEN, the apikey)");
                }
                yield evolution("evolution", builder, wa, wa.baseUrl(), wa.instance(), wa.token());
            }
            default -> evolution("sandbox", builder, wa, wa.baseUrlOrSandbox(), wa.instanceOrSandbox(), wa.tokenOrSandbox());
        };
    }

    private static EvolutionDirectory evolution(String name, RestClient.Builder builder,
            PhoneValidatorProperties.WhatsApp wa, String baseUrl, String instance, String token) {
        // HTTP/1.1: the JDK client's h2c upgrade on a POST is refused by some servers (Node, Jetty)
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(wa.connectTimeout())
                .build();
        var factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(wa.readTimeout());
        RestClient http = builder.clone()
                .baseUrl(baseUrl)
                .requestFactory(factory)
                .defaultHeader("apikey", token == null ? "" : token)
                .build();
        log.info("WhatsApp provider {}: number checks at {}/chat/whatsappNumbers/{}", name, baseUrl, instance);
        return new EvolutionDirectory(name, http, instance, Clock.systemUTC());
    }
}
