package br.com.techassist.shipments.notifier.provider;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

/**
 * Registers {@code POST /webhooks/evolution} with Evolution ({@code POST /webhook/set/{instance}},
 * events {@code MESSAGES_UPSERT} and {@code MESSAGES_UPDATE}, our secret in the
 * {@code x-webhook-token} header Evolution then sends with every call). Evolution signs nothing, so
 * that header is the webhook's only credential. Retried in the background until Evolution takes it.
 */
public class EvolutionWebhookRegistration implements SmartLifecycle {

    public static final String TOKEN_HEADER = "x-webhook-token";
    private static final Logger log = LoggerFactory.getLogger(EvolutionWebhookRegistration.class);

    private final RestClient http;
    private final String instance;
    private final String url;
    private final String token;
    private volatile boolean running;
    private volatile boolean registered;
    private Thread thread;

    EvolutionWebhookRegistration(RestClient http, String instance, String url, String token) {
        this.http = http;
        this.instance = instance;
        this.url = url;
        this.token = token;
    }

    /** The body of {@code POST /webhook/set/{instance}} (Evolution's {@code webhookSchema}). */
    Map<String, Object> body() {
        Map<String, Object> webhook = new LinkedHashMap<>();
        webhook.put("enabled", true);
        webhook.put("url", url);
        webhook.put("headers", Map.of(TOKEN_HEADER, token));
        webhook.put("byEvents", false);
        webhook.put("base64", false);
        webhook.put("events", List.of("MESSAGES_UPSERT", "MESSAGES_UPDATE"));
        return Map.of("webhook", webhook);
    }

    /** One attempt; true when Evolution took the registration. */
    boolean register() {
        try {
            int status = ProviderJson.exchange(http, HttpMethod.POST, "/webhook/set/" + instance, body(), (s, b) -> s);
            if (status >= 200 && status < 300) {
                registered = true;
                log.info("Evolution webhook registered for instance {}: {}", instance, url);
                return true;
            }
            log.warn("Evolution refused the webhook registration for instance {} (HTTP {}); trying again", instance, status);
        } catch (RuntimeException e) {
            log.warn("Evolution webhook registration failed ({}); trying again", HttpFailures.rootMessage(e));
        }
        return false;
    }

    public boolean registered() {
        return registered;
    }

    @Override
    public void start() {
        running = true;
        if (http == null) {
            return;
        }
        thread = Thread.ofPlatform().name("evolution-webhook-registration").daemon().start(() -> {
            long waitMillis = 1_000;
            while (running && !register()) {
                try {
                    Thread.sleep(waitMillis);
                } catch (InterruptedException e) {
                    return;
                }
                waitMillis = Math.min(waitMillis * 2, Duration.ofMinutes(1).toMillis());
            }
        });
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
