package br.com.techassist.shipments.sandbox.whatsapp;

import br.com.techassist.shipments.sandbox.whatsapp.SentMessage.Delivery;
import br.com.techassist.shipments.sandbox.whatsapp.WhatsAppDirectory.Account;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /sandbox/whatsapp/inbound}: a fake phone answers. To Evolution (default) the text is
 * stored like Evolution stores an inbound message and posted as {@code messages.upsert} to the
 * Evolution webhook; to the Cloud API it is posted as a signed {@code messages[]} webhook. Either
 * opens the customer's 24 h window for Cloud API free-form texts.
 */
@RestController
class InboundController {

    private final WhatsAppDirectory directory;
    private final SentMessages messages;
    private final EvolutionInstance instance;
    private final EvolutionStore store;
    private final EvolutionWebhooks webhooks;
    private final CustomerWindows windows;
    private final StatusWebhooks cloudWebhooks;

    InboundController(WhatsAppDirectory directory, SentMessages messages, EvolutionInstance instance,
            EvolutionStore store, EvolutionWebhooks webhooks, CustomerWindows windows, StatusWebhooks cloudWebhooks) {
        this.directory = directory;
        this.messages = messages;
        this.instance = instance;
        this.store = store;
        this.webhooks = webhooks;
        this.windows = windows;
        this.cloudWebhooks = cloudWebhooks;
    }

    @PostMapping("/sandbox/whatsapp/inbound")
    ResponseEntity<Object> inbound(@RequestBody Inbound inbound) {
        if (inbound.from() == null || inbound.text() == null || inbound.text().isBlank()) {
            return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "from and text are required"));
        }
        boolean cloud = "cloud-api".equals(inbound.provider());
        if (inbound.provider() != null && !cloud && !EvolutionController.PROVIDER.equals(inbound.provider())) {
            return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "provider is evolution (default) or cloud-api"));
        }
        boolean lid = "lid".equals(inbound.addressing());
        if (inbound.addressing() != null && !lid && !"pn".equals(inbound.addressing())) {
            return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "addressing is pn or lid"));
        }
        Optional<Account> account = directory.resolve(inbound.from());
        if (account.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "no WhatsApp account for " + SentMessages.mask(inbound.from())));
        }
        Account from = account.get();
        String phoneJid = EvolutionInstance.jid(from.waId());
        String lidJid = lidOf(from.waId());
        String id = MessageIds.phoneSent();
        EvolutionKey key = lid
                ? new EvolutionKey(lidJid, phoneJid, "lid", false, id)
                : new EvolutionKey(phoneJid, lidJid, "pn", false, id);
        Instant now = Instant.now();
        windows.received(from.waId(), now);
        if (cloud) {
            String wamid = MessageIds.wamid();
            messages.record(wamid, CloudApiController.PROVIDER, from.waId(), from.waId(), "inbound", inbound.text(), null,
                    Delivery.DELIVERED);
            cloudWebhooks.inbound(from.waId(), from.name(), wamid, inbound.text(), now);
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("provider", CloudApiController.PROVIDER,
                    "id", wamid, "from", from.waId()));
        }
        store.store(key, from.name(), inbound.text(), now, instance.instanceId(), "android");
        messages.record(id, EvolutionController.PROVIDER, from.waId(), from.waId(), "inbound", inbound.text(), null,
                Delivery.DELIVERED);
        Map<String, Object> data = instance.messageRaw(key, from.name(), "DELIVERY_ACK", inbound.text(), now, "android");
        webhooks.received(data);
        return ResponseEntity.status(HttpStatus.CREATED).body(data);
    }

    /** A stable 15-digit {@code @lid} for an account: not its phone number, as WhatsApp's LIDs are not. */
    static String lidOf(String waId) {
        long value = Math.floorMod((long) waId.hashCode() * 2_654_435_761L, 900_000_000_000_000L) + 100_000_000_000_000L;
        return value + "@lid";
    }


    /**
     * A fake phone's answer, to the Evolution instance (default) or the Cloud API number;
     * {@code addressing} {@code pn} (default) or {@code lid} (Evolution only).
     */
    record Inbound(@Nullable String from, @Nullable String text, @Nullable String addressing,
            @Nullable String provider) {}
}
