package br.com.techassist.shipments.sandbox.whatsapp;

import br.com.techassist.shipments.sandbox.SandboxProperties;
import br.com.techassist.shipments.sandbox.faults.Faults;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook of the Evolution instance ({@code POST /webhook/set/{instance}}) and the events it
 * posts: {@code messages.update} for each status of a sent message and {@code messages.upsert} for
 * an inbound text, in Evolution's envelope, with the configured headers. Statuses are also recorded
 * in the store ({@code MessageUpdate}) and the inspection list.
 */
@Component
class EvolutionWebhooks {

    /** Answers after which Evolution does not retry ({@code NON_RETRYABLE_STATUS_CODES}). */
    private static final Set<Integer> FINAL_STATUSES = Set.of(400, 401, 403, 404, 422);

    /** Like JavaScript's {@code Date.toISOString()}: always milliseconds and {@code Z}. */
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final AtomicReference<@Nullable EvolutionWebhook> webhook = new AtomicReference<>();
    private final EvolutionInstance instance;
    private final EvolutionStore store;
    private final SentMessages messages;
    private final Faults faults;
    private final WebhookPoster poster;
    private final JsonMapper json;
    private final Duration delay;

    EvolutionWebhooks(EvolutionInstance instance, EvolutionStore store, SentMessages messages, Faults faults,
            WebhookPoster poster, JsonMapper json, SandboxProperties properties) {
        this.instance = instance;
        this.store = store;
        this.messages = messages;
        this.faults = faults;
        this.poster = poster;
        this.json = json;
        this.delay = properties.whatsapp().webhookDelay();
    }

    EvolutionWebhook set(EvolutionWebhook.Request request) {
        return webhook.updateAndGet(previous -> EvolutionWebhook.of(request, instance.instanceId(), previous));
    }

    Optional<EvolutionWebhook> find() {
        return Optional.ofNullable(webhook.get());
    }

    /** Schedules the statuses of a message accepted by {@code sendText}. */
    void sent(EvolutionKey key, boolean delivered) {
        List<Supplier<WebhookPoster.@Nullable Webhook>> steps = new ArrayList<>();
        for (String status : statuses(key.id(), delivered)) {
            steps.add(() -> update(key, status));
        }
        poster.inOrder(delay, steps);
    }

    private List<String> statuses(String keyId, boolean delivered) {
        if (faults.statusFailed()) {
            return List.of("ERROR");
        }
        List<String> statuses = new ArrayList<>(List.of("SERVER_ACK"));
        if (delivered) {
            statuses.add("DELIVERY_ACK");
            if (Math.floorMod(keyId.hashCode(), 3) != 0) {
                statuses.add("READ");
            }
        }
        return faults.statusOutOfOrder() ? statuses.reversed() : statuses;
    }

    private WebhookPoster.@Nullable Webhook update(EvolutionKey key, String status) {
        Optional<String> messageId = store.status(key.id(), status);
        messages.status(key.id(), switch (status) {
            case "SERVER_ACK" -> "sent";
            case "DELIVERY_ACK" -> "delivered";
            case "READ" -> "read";
            default -> "failed";
        });
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("keyId", key.id());
        data.put("remoteJid", key.remoteJid());
        data.put("fromMe", key.fromMe());
        data.put("status", status);
        data.put("instanceId", instance.instanceId());
        messageId.ifPresent(id -> data.put("messageId", id));
        return webhook("MESSAGES_UPDATE", data);
    }

    /** Posts {@code messages.upsert} for an inbound message now. */
    void received(Map<String, Object> data) {
        WebhookPoster.Webhook upsert = webhook("MESSAGES_UPSERT", data);
        if (upsert != null) {
            poster.post(upsert);
        }
    }

    /** The webhook of {@code event} in Evolution's envelope, or null when none is set for that event. */
    private WebhookPoster.@Nullable Webhook webhook(String event, Map<String, Object> data) {
        EvolutionWebhook target = webhook.get();
        if (target == null || !target.enabled() || !target.events().contains(event) || !target.callable()) {
            return null;
        }
        String eventName = event.toLowerCase(Locale.ROOT).replace('_', '.');
        String url = target.webhookByEvents() ? target.url() + "/" + eventName.replace('.', '-') : target.url();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("event", eventName);
        envelope.put("instance", instance.name());
        envelope.put("data", data);
        envelope.put("destination", target.url());
        envelope.put("date_time", DATE_TIME.format(Instant.now()));
        envelope.put("sender", instance.ownerJid());
        envelope.put("server_url", instance.serverUrl());
        envelope.put("apikey", instance.apiKey());
        return new WebhookPoster.Webhook(URI.create(url), json.writeValueAsBytes(envelope), target.headers(), FINAL_STATUSES);
    }
}
