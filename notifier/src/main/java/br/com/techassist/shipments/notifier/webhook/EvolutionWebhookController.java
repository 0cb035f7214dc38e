package br.com.techassist.shipments.notifier.webhook;

import br.com.techassist.shipments.model.NotificationStatusUpdated.DeliveryStatus;
import br.com.techassist.shipments.notifier.NotifierProperties;
import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.notifier.notification.Notifications;
import br.com.techassist.shipments.notifier.provider.EvolutionProvider;
import br.com.techassist.shipments.notifier.provider.SentTexts;
import br.com.techassist.shipments.notifier.provider.StoredMessage;
import br.com.techassist.shipments.notifier.provider.WhatsAppProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import br.com.techassist.shipments.notifier.notification.NotifierMetrics;
import br.com.techassist.shipments.notifier.provider.EvolutionWebhookRegistration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evolution API webhooks ({@code POST /webhooks/evolution}, registered by
 * {@link EvolutionWebhookRegistration}): {@code messages.update} statuses (SERVER_ACK, DELIVERY_ACK,
 * READ, ERROR) update the delivery status and settle sends whose outcome was not known;
 * {@code messages.upsert} inbound texts feed the opt-out rule like Cloud API inbound messages.
 * Evolution signs nothing: a call without our secret in {@code x-webhook-token} gets 401, one for
 * another instance 403.
 */
@RestController
@RequestMapping("/webhooks/evolution")
class EvolutionWebhookController {

    private static final Logger log = LoggerFactory.getLogger(EvolutionWebhookController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Clocks of the provider and ours differ a little: its record is searched from a bit before the claim. */
    private static final Duration SKEW = Duration.ofMinutes(1);

    private final NotifierProperties props;
    private final StatusUpdates statuses;
    private final Notifications notifications;
    private final WhatsAppProvider provider;
    private final InboundMessages inbound;
    private final NotifierMetrics metrics;
    private final Clock clock;

    EvolutionWebhookController(NotifierProperties props, StatusUpdates statuses, Notifications notifications,
            WhatsAppProvider provider, InboundMessages inbound, NotifierMetrics metrics, Clock clock) {
        this.props = props;
        this.statuses = statuses;
        this.notifications = notifications;
        this.provider = provider;
        this.inbound = inbound;
        this.metrics = metrics;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<Void> receive(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = EvolutionWebhookRegistration.TOKEN_HEADER, required = false) String token) {
        String expected = props.whatsapp().webhookToken();
        if (expected.isBlank() || token == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            metrics.webhookRefused("evolution", token == null ? "missing_token" : "bad_token");
            log.warn("Evolution webhook refused: {} token", token == null ? "missing" : "wrong");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (RuntimeException e) {
            return ResponseEntity.badRequest().build();
        }
        String instance = text(root, "instance");
        String ours = props.whatsapp().instance().isBlank() ? "sandbox" : props.whatsapp().instance();
        if (!ours.equals(instance)) {
            metrics.webhookRefused("evolution", "other_instance");
            log.warn("Evolution webhook refused: it is for another instance");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        String event = String.valueOf(text(root, "event")).toLowerCase(Locale.ROOT).replace('_', '.');
        JsonNode data = root.path("data");
        switch (event) {
            case "messages.update" -> {
                if (data.isArray()) {
                    data.forEach(this::update);
                } else {
                    update(data);
                }
            }
            case "messages.upsert" -> {
                if (data.isArray()) {
                    data.forEach(this::upsert);
                } else {
                    upsert(data);
                }
            }
            default -> log.debug("Evolution webhook event {} ignored", event);
        }
        return ResponseEntity.ok().build();
    }

    /** {@code {keyId, remoteJid, fromMe, status, …}}: a status of a message we sent. */
    private void update(JsonNode data) {
        if (!data.path("fromMe").asBoolean(false)) {
            return;
        }
        Optional<DeliveryStatus> status = deliveryStatus(text(data, "status"));
        String keyId = text(data, "keyId");
        if (status.isEmpty() || keyId == null) {
            return;
        }
        boolean failed = status.get() == DeliveryStatus.FAILED;
        String recipient = phoneOf(data, "remoteJid", null);
        if (notifications.findByProviderMessageId(keyId).isEmpty() && !failed && recipient != null) {
            settleFromRecord(keyId, recipient, status.get());
            return;
        }
        statuses.apply(new StatusUpdates.StatusReport(keyId, status.get(), null, recipient, null,
                failed ? "ERROR" : null, failed ? "Evolution status ERROR" : null));
    }

    /**
     * A status for a message id we never learned (its send's answer was lost or refused): when a send
     * to that recipient is not settled, Evolution's record of that message id tells whether it is
     * ours (its text carries the tracking code); if so it went out and is settled as SENT.
     */
    private void settleFromRecord(String keyId, String recipient, DeliveryStatus status) {
        List<Notification> unsettled = notifications.unsettledFor(EvolutionProvider.Jids.of(recipient).stream()
                .map(jid -> jid.replaceAll("@.*", ""))
                .toList());
        for (Notification n : unsettled) {
            Instant from = (n.claimedAt() == null ? n.updatedAt() : n.claimedAt()).minus(SKEW);
            try {
                Optional<StoredMessage> ours = provider.sentMessages(n.recipient(), from, clock.instant())
                        .flatMap(list -> SentTexts.find(list.stream().filter(m -> keyId.equals(m.id())).toList(),
                                n.trackingCode(), n.messageDigest(), Set.of()));
                if (ours.isPresent()) {
                    statuses.apply(new StatusUpdates.StatusReport(keyId, status, null, recipient, n.id(), null, null));
                    return;
                }
            } catch (RuntimeException e) {
                log.warn("status {} for an unknown message: Evolution's record could not be read ({}); the reconciliation"
                        + " will settle it", status, e.toString());
                return;
            }
        }
        log.debug("status {} for unknown message {}", status, keyId);
    }

    /** {@code {key: {remoteJid, fromMe, id, remoteJidAlt?}, message: {conversation}, …}}: an inbound message. */
    private void upsert(JsonNode data) {
        JsonNode key = data.path("key");
        if (key.path("fromMe").asBoolean(false)) {
            return;
        }
        JsonNode message = data.path("message");
        String body = text(message, "conversation");
        if (body == null) {
            body = text(message.path("extendedTextMessage"), "text");
        }
        Optional<String> keyword = inbound.optOutKeyword(body);
        if (keyword.isEmpty()) {
            return;
        }
        String from = phoneOf(key, "remoteJid", "remoteJidAlt");
        if (from == null) {
            from = phoneOf(key, "senderPn", null);
        }
        if (from == null) {
            log.warn("an opt-out ({}) came from a WhatsApp id that is not a phone number (@lid) without its number: not recorded",
                    keyword.get());
            metrics.webhookRefused("evolution", "opt_out_without_number");
            return;
        }
        inbound.received(from, body, provider.name());
    }

    /** The phone digits of a jid field, falling back to {@code alternative} when the jid is an {@code @lid}. */
    private static String phoneOf(JsonNode node, String field, String alternative) {
        String jid = text(node, field);
        if (jid != null && !jid.toLowerCase(Locale.ROOT).endsWith("@lid") && !jid.endsWith("@g.us")) {
            String digits = jid.replaceAll("@.*", "").replaceAll("\\D", "");
            return digits.isEmpty() ? null : digits;
        }
        return alternative == null ? null : phoneOf(node, alternative, null);
    }

    /** Evolution's status names ({@code renderStatus}): PENDING and DELETED say nothing about delivery. */
    static Optional<DeliveryStatus> deliveryStatus(String status) {
        if (status == null) {
            return Optional.empty();
        }
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "SERVER_ACK" -> Optional.of(DeliveryStatus.SENT);
            case "DELIVERY_ACK" -> Optional.of(DeliveryStatus.DELIVERED);
            case "READ", "PLAYED" -> Optional.of(DeliveryStatus.READ);
            case "ERROR" -> Optional.of(DeliveryStatus.FAILED);
            default -> Optional.empty();
        };
    }

    private static String text(JsonNode node, String field) {
        return InboundMessages.text(node, field);
    }
}
