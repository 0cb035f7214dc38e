package br.com.techassist.shipments.sandbox.whatsapp;

import br.com.techassist.shipments.sandbox.SandboxProperties;
import br.com.techassist.shipments.sandbox.faults.Faults;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts Cloud API status webhooks ({@code sent}, {@code delivered}, {@code read}, or {@code failed}
 * with 131026) to {@code sandbox.whatsapp.webhook-url}, signed like Meta does:
 * {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>}. Asynchronous,
 * retried three times; nothing is posted when no URL is set. Fault knobs make some statuses
 * {@code failed} with 131049 or post them in reverse order.
 */
@Component
class StatusWebhooks {

    private final @Nullable URI url;
    private final Duration delay;
    private final SandboxProperties.Cloud cloud;
    private final JsonMapper json;
    private final SentMessages messages;
    private final Faults faults;
    private final WebhookPoster poster;

    StatusWebhooks(SandboxProperties properties, JsonMapper json, SentMessages messages, Faults faults,
            WebhookPoster poster) {
        this.url = properties.whatsapp().webhookUrl();
        this.delay = properties.whatsapp().webhookDelay();
        this.cloud = properties.whatsapp().cloud();
        this.json = json;
        this.messages = messages;
        this.faults = faults;
        this.poster = poster;
    }

    /** Schedules the statuses of an accepted Cloud API message. */
    void accepted(String messageId, String recipientId, boolean deliverable, @Nullable String callbackData) {
        List<Supplier<WebhookPoster.@Nullable Webhook>> steps = new ArrayList<>();
        for (Status status : statuses(messageId, deliverable)) {
            steps.add(() -> {
                messages.status(messageId, status.name());
                if (url == null) {
                    return null;
                }
                byte[] body = payload(messageId, recipientId, status, callbackData);
                return new WebhookPoster.Webhook(url, body, Map.of("X-Hub-Signature-256", sign(body, cloud.appSecret())),
                        Set.of());
            });
        }
        poster.inOrder(delay, steps);
    }

    private List<Status> statuses(String messageId, boolean deliverable) {
        if (!deliverable) {
            return List.of(new Status("failed", 131026));
        }
        if (faults.statusFailed()) {
            return List.of(new Status("failed", 131049));
        }
        List<Status> statuses = new ArrayList<>(List.of(new Status("sent", null), new Status("delivered", null)));
        if (Math.floorMod(messageId.hashCode(), 3) != 0) {
            statuses.add(new Status("read", null));
        }
        return faults.statusOutOfOrder() ? statuses.reversed() : statuses;
    }

    private byte[] payload(String messageId, String recipientId, Status status, @Nullable String callbackData) {
        Map<String, Object> statusEntry = new LinkedHashMap<>();
        statusEntry.put("id", messageId);
        statusEntry.put("status", status.name());
        statusEntry.put("timestamp", String.valueOf(Instant.now().getEpochSecond()));
        statusEntry.put("recipient_id", recipientId);
        if (callbackData != null) {
            statusEntry.put("biz_opaque_callback_data", callbackData);
        }
        if (status.errorCode() != null) {
            statusEntry.put("errors", List.of(error(status.errorCode())));
        } else if (!status.name().equals("read")) {
            statusEntry.put("conversation", Map.of("id", HexFormat.of().formatHex(messageId.getBytes(StandardCharsets.UTF_8), 0, 16),
                    "origin", Map.of("type", "utility")));
            statusEntry.put("pricing", Map.of("billable", true, "pricing_model", "PMP", "category", "utility"));
        }
        return envelope("statuses", List.of(statusEntry));
    }

    /**
     * Posts a customer's text as Meta does ({@code messages[]} with {@code contacts[]}), signed, now;
     * nothing when no URL is set.
     */
    void inbound(String waId, String name, String messageId, String text, Instant at) {
        if (url == null) {
            return;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("from", waId);
        message.put("id", messageId);
        message.put("timestamp", String.valueOf(at.getEpochSecond()));
        message.put("type", "text");
        message.put("text", Map.of("body", text));
        byte[] body = envelope("messages", List.of(message),
                "contacts", List.of(Map.of("profile", Map.of("name", name), "wa_id", waId)));
        poster.post(new WebhookPoster.Webhook(url, body, Map.of("X-Hub-Signature-256", sign(body, cloud.appSecret())),
                Set.of()));
    }

    /** Meta's webhook envelope around one change of field {@code messages} whose value holds these entries. */
    private byte[] envelope(Object... entries) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("messaging_product", "whatsapp");
        value.put("metadata", Map.of("display_phone_number", cloud.displayPhoneNumber(), "phone_number_id", cloud.phoneNumberId()));
        for (int i = entries.length - 2; i >= 0; i -= 2) { // contacts before messages, as Meta sends them
            value.put((String) entries[i], entries[i + 1]);
        }
        Map<String, Object> body = Map.of("object", "whatsapp_business_account",
                "entry", List.of(Map.of("id", cloud.wabaId(), "changes", List.of(Map.of("field", "messages", "value", value)))));
        return json.writeValueAsBytes(body);
    }

    private static Map<String, Object> error(int code) {
        if (code == 131049) {
            String title = "This message was not delivered to maintain healthy ecosystem engagement.";
            return Map.of("code", code, "title", title, "message", title, "error_data", Map.of("details",
                    "In order to maintain a healthy ecosystem engagement, the message failed to be delivered."));
        }
        return Map.of("code", code, "title", "Message undeliverable", "message", "Message undeliverable",
                "error_data", Map.of("details", "Message Undeliverable."));
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

    /** One status to post: its name and, for {@code failed}, the error code. */
    private record Status(String name, @Nullable Integer errorCode) {}
}
