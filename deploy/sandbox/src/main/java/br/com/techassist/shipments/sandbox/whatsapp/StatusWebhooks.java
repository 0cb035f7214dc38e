package br.com.techassist.shipments.sandbox.whatsapp;

import br.com.techassist.shipments.sandbox.SandboxProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts Cloud API status webhooks ({@code sent}, {@code delivered}, {@code read}, or {@code failed}
 * with 131026) to {@code sandbox.whatsapp.webhook-url}, signed like Meta does:
 * {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>}. Asynchronous,
 * retried three times; nothing is posted when no URL is set.
 */
@Component
class StatusWebhooks implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StatusWebhooks.class);
    private static final int ATTEMPTS = 3;

    private final @Nullable URI url;
    private final Duration delay;
    private final SandboxProperties.Cloud cloud;
    private final JsonMapper json;
    private final SentMessages messages;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("sandbox-webhooks").factory());

    StatusWebhooks(SandboxProperties properties, JsonMapper json, SentMessages messages) {
        this.url = properties.whatsapp().webhookUrl();
        this.delay = properties.whatsapp().webhookDelay();
        this.cloud = properties.whatsapp().cloud();
        this.json = json;
        this.messages = messages;
    }

    /** Schedules the statuses of an accepted Cloud API message. */
    void accepted(String messageId, String recipientId, boolean deliverable, @Nullable String callbackData) {
        List<String> statuses = deliverable
                ? (Math.floorMod(messageId.hashCode(), 3) == 0 ? List.of("sent", "delivered") : List.of("sent", "delivered", "read"))
                : List.of("failed");
        for (int i = 0; i < statuses.size(); i++) {
            String status = statuses.get(i);
            long after = delay.toMillis() * (i + 1);
            scheduler.schedule(() -> {
                messages.status(messageId, status);
                if (url != null) {
                    post(url, payload(messageId, recipientId, status, callbackData), 1);
                }
            }, after, TimeUnit.MILLISECONDS);
        }
    }

    private byte[] payload(String messageId, String recipientId, String status, @Nullable String callbackData) {
        Map<String, Object> statusEntry = new LinkedHashMap<>();
        statusEntry.put("id", messageId);
        statusEntry.put("status", status);
        statusEntry.put("timestamp", String.valueOf(Instant.now().getEpochSecond()));
        statusEntry.put("recipient_id", recipientId);
        if (callbackData != null) {
            statusEntry.put("biz_opaque_callback_data", callbackData);
        }
        if (status.equals("failed")) {
            statusEntry.put("errors", List.of(Map.of("code", 131026, "title", "Message undeliverable",
                    "message", "Message undeliverable",
                    "error_data", Map.of("details", "Message Undeliverable."))));
        } else if (!status.equals("read")) {
            statusEntry.put("conversation", Map.of("id", HexFormat.of().formatHex(messageId.getBytes(StandardCharsets.UTF_8), 0, 16),
                    "origin", Map.of("type", "utility")));
            statusEntry.put("pricing", Map.of("billable", true, "pricing_model", "PMP", "category", "utility"));
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("messaging_product", "whatsapp");
        value.put("metadata", Map.of("display_phone_number", cloud.displayPhoneNumber(), "phone_number_id", cloud.phoneNumberId()));
        value.put("statuses", List.of(statusEntry));
        Map<String, Object> body = Map.of("object", "whatsapp_business_account",
                "entry", List.of(Map.of("id", cloud.wabaId(), "changes", List.of(Map.of("field", "messages", "value", value)))));
        return json.writeValueAsBytes(body);
    }

    private void post(URI target, byte[] body, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", sign(body, cloud.appSecret()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            boolean ok = failure == null && response.statusCode() / 100 == 2;
            if (ok) {
                return;
            }
            String problem = failure != null ? failure.toString() : "HTTP " + response.statusCode();
            if (attempt < ATTEMPTS && !scheduler.isShutdown()) {
                scheduler.schedule(() -> post(target, body, attempt + 1), attempt, TimeUnit.SECONDS);
            } else {
                log.warn("Status webhook to {} dropped after {} attempts: {}", target, attempt, problem);
            }
        });
    }

    /** {@code sha256=} + hex HMAC-SHA256 of the raw body keyed with the app secret. */
    static String sign(byte[] body, String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
        http.close();
    }
}
