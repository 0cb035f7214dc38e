package br.com.techassist.shipments.sandbox.whatsapp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The webhook of the Evolution instance, as {@code POST /webhook/set/{instance}} answers it (the
 * Prisma {@code Webhook} row).
 */
record EvolutionWebhook(
        String id,
        String url,
        Map<String, String> headers,
        boolean enabled,
        List<String> events,
        boolean webhookByEvents,
        boolean webhookBase64,
        Instant createdAt,
        Instant updatedAt,
        String instanceId) {

    /** Evolution's {@code EventController.events}: the only names {@code events} may hold. */
    static final List<String> EVENTS = List.of("APPLICATION_STARTUP", "QRCODE_UPDATED", "MESSAGES_SET",
            "MESSAGES_UPSERT", "MESSAGES_EDITED", "MESSAGES_UPDATE", "MESSAGES_DELETE", "SEND_MESSAGE",
            "SEND_MESSAGE_UPDATE", "CONTACTS_SET", "CONTACTS_UPSERT", "CONTACTS_UPDATE", "PRESENCE_UPDATE",
            "CHATS_SET", "CHATS_UPSERT", "CHATS_UPDATE", "CHATS_DELETE", "GROUPS_UPSERT", "GROUP_UPDATE",
            "GROUP_PARTICIPANTS_UPDATE", "CONNECTION_UPDATE", "LABELS_EDIT", "LABELS_ASSOCIATION", "CALL",
            "TYPEBOT_START", "TYPEBOT_CHANGE_STATUS", "REMOVE_INSTANCE", "LOGOUT_INSTANCE", "INSTANCE_CREATE",
            "INSTANCE_DELETE", "STATUS_INSTANCE");

    /** The body of {@code POST /webhook/set/{instance}}. */
    record Request(@Nullable Settings webhook) {}

    /** {@code webhook} of the request ({@code webhookSchema}). */
    record Settings(@Nullable Boolean enabled, @Nullable String url, @Nullable Map<String, String> headers,
            @Nullable Boolean byEvents, @Nullable Boolean base64, @Nullable List<String> events) {}

    /** What Evolution's {@code webhookSchema} (through the jsonschema library) says is wrong, in its words. */
    static List<String> problems(Request request) {
        Settings webhook = request.webhook();
        if (webhook == null) {
            return List.of("instance requires property \"webhook\"");
        }
        List<String> problems = new ArrayList<>();
        if (webhook.enabled() == null) {
            problems.add("webhook requires property \"enabled\"");
        }
        if (webhook.url() == null) {
            problems.add("webhook requires property \"url\"");
        } else if (webhook.url().isEmpty()) {
            problems.add("The \"url\" cannot be empty");
        }
        List<String> events = webhook.events() != null ? webhook.events() : List.of();
        for (int i = 0; i < events.size(); i++) {
            if (!EVENTS.contains(events.get(i))) {
                problems.add("webhook.events[" + i + "] is not one of enum values: " + String.join(",", EVENTS));
            }
        }
        return problems;
    }

    /** The stored webhook after a valid request, as Evolution's {@code WebhookController.set} upserts it. */
    static EvolutionWebhook of(Request request, String instanceId, @Nullable EvolutionWebhook previous) {
        Settings webhook = java.util.Objects.requireNonNull(request.webhook());
        boolean enabled = Boolean.TRUE.equals(webhook.enabled());
        List<String> events = webhook.events() != null ? webhook.events() : List.of();
        Instant now = Instant.now();
        return new EvolutionWebhook(
                previous != null ? previous.id() : UUID.randomUUID().toString().replace("-", "").substring(0, 25),
                java.util.Objects.requireNonNull(webhook.url()),
                webhook.headers() != null ? Map.copyOf(webhook.headers()) : Map.of(),
                enabled,
                !enabled ? List.of() : events.isEmpty() ? EVENTS : List.copyOf(events),
                Boolean.TRUE.equals(webhook.byEvents()),
                Boolean.TRUE.equals(webhook.base64()),
                previous != null ? previous.createdAt() : now,
                now,
                instanceId);
    }

    /** Evolution calls only {@code http(s)://} urls. */
    boolean callable() {
        return url.matches("^(https?://).*");
    }
}
