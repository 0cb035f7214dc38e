package br.com.techassist.shipments.sandbox.whatsapp;

import br.com.techassist.shipments.sandbox.SandboxProperties;
import br.com.techassist.shipments.sandbox.faults.Faults;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one Evolution instance of the sandbox: its guards (apikey, then instance name, as Evolution's
 * {@code authGuard} and {@code instanceExistsGuard}), its id and its connection state.
 */
@Component
class EvolutionInstance {

    private final SandboxProperties.Evolution settings;
    private final Faults faults;
    private final String instanceId;

    EvolutionInstance(SandboxProperties properties, Faults faults) {
        this.settings = properties.whatsapp().evolution();
        this.faults = faults;
        this.instanceId = UUID.nameUUIDFromBytes(settings.instance().getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The refusal for a call with a wrong {@code apikey} (401) or to another instance (404); null when allowed. */
    @Nullable ResponseEntity<Object> refuse(String instance, @Nullable String apiKey) {
        if (!settings.apiKey().equals(apiKey) || faults.whatsapp().tokenExpired()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(WhatsAppErrors.evolution(401, "Unauthorized", "Unauthorized"));
        }
        if (!settings.instance().equals(instance)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(WhatsAppErrors.evolution(404, "Not Found",
                    List.of("The \"" + instance + "\" instance does not exist")));
        }
        return null;
    }

    /** {@code open}, {@code close} or {@code connecting}, as {@code connectionState} reports it. */
    String state() {
        return faults.whatsapp().connectionStateAt(Instant.now());
    }

    boolean open() {
        return !faults.whatsappConnectionClosed();
    }

    String name() {
        return settings.instance();
    }

    String instanceId() {
        return instanceId;
    }

    String apiKey() {
        return settings.apiKey();
    }

    String ownerJid() {
        return jid(settings.ownerNumber());
    }

    String serverUrl() {
        return settings.serverUrl();
    }

    /**
     * A text message as Evolution's {@code prepareMessage} shapes it (the {@code sendText} answer, the
     * {@code data} of {@code messages.upsert}).
     */
    Map<String, Object> messageRaw(EvolutionKey key, String pushName, String status, String text, Instant at,
            String source) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("key", key);
        raw.put("pushName", pushName);
        raw.put("status", status);
        raw.put("message", Map.of("conversation", text));
        raw.put("messageType", "conversation");
        raw.put("messageTimestamp", at.getEpochSecond());
        raw.put("instanceId", instanceId);
        raw.put("source", source);
        return raw;
    }

    static String jid(String digits) {
        return digits + "@s.whatsapp.net";
    }
}
