package br.com.techassist.shipments.notifier.webhook;

import br.com.techassist.shipments.model.NotificationStatusUpdated.DeliveryStatus;
import br.com.techassist.shipments.notifier.NotifierProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cloud API webhooks: {@code GET} answers Meta's verification challenge; {@code POST} checks the
 * signature of the raw body, then applies message statuses and records opt-outs from inbound texts.
 */
@RestController
@RequestMapping("/webhooks/whatsapp")
class WhatsAppWebhookController {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhookController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NotifierProperties props;
    private final StatusUpdates statuses;
    private final InboundMessages inbound;

    WhatsAppWebhookController(NotifierProperties props, StatusUpdates statuses, InboundMessages inbound) {
        this.props = props;
        this.statuses = statuses;
        this.inbound = inbound;
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> verify(
            @RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        String expected = props.whatsapp().verifyToken();
        boolean ok = "subscribe".equals(mode) && challenge != null && token != null && !expected.isBlank()
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            log.warn("webhook verification refused (mode={}, token {})", mode, token == null ? "missing" : "wrong");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        return ResponseEntity.ok(challenge);
    }

    @PostMapping
    ResponseEntity<Void> receive(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature) {
        if (!WebhookSignature.matches(body, signature, props.whatsapp().appSecret())) {
            log.warn("webhook refused: {} signature", signature == null ? "missing" : "bad");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (RuntimeException e) {
            return ResponseEntity.badRequest().build();
        }
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                for (JsonNode status : value.path("statuses")) {
                    status(status).ifPresent(statuses::apply);
                }
                for (JsonNode message : value.path("messages")) {
                    inbound(message);
                }
            }
        }
        return ResponseEntity.ok().build();
    }

    private Optional<StatusUpdates.StatusReport> status(JsonNode s) {
        DeliveryStatus status;
        try {
            status = DeliveryStatus.valueOf(text(s, "status").toUpperCase(Locale.ROOT));
        } catch (RuntimeException unknownStatus) {
            return Optional.empty();
        }
        JsonNode error = s.path("errors").path(0);
        String ts = text(s, "timestamp");
        Instant at = ts != null && ts.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(ts)) : null;
        return Optional.of(new StatusUpdates.StatusReport(text(s, "id"), status, at, text(s, "recipient_id"),
                text(s, "biz_opaque_callback_data"), text(error, "code"), text(error, "title")));
    }

    private void inbound(JsonNode message) {
        String from = text(message, "from");
        String body = text(message.path("text"), "body");
        if (body == null) {
            body = text(message.path("button"), "text");
        }
        inbound.received(from, body, "cloud-api");
    }

    private static String text(JsonNode node, String field) {
        return InboundMessages.text(node, field);
    }
}
