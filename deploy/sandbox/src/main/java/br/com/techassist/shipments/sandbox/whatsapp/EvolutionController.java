package br.com.techassist.shipments.sandbox.whatsapp;

import br.com.techassist.shipments.sandbox.SandboxProperties;
import br.com.techassist.shipments.sandbox.faults.Faults;
import br.com.techassist.shipments.sandbox.whatsapp.SentMessage.Delivery;
import br.com.techassist.shipments.sandbox.whatsapp.WhatsAppDirectory.Account;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fake Evolution API: {@code POST /chat/whatsappNumbers/{instance}} and
 * {@code POST /message/sendText/{instance}}, authenticated with the {@code apikey} header.
 *
 * <p>A send to the exact id of an account is delivered. A send to the other ninth-digit form of an
 * existing account is accepted (201, PENDING) but lands in a "ghost chat" nobody reads, the known
 * failure of unofficial gateways. A number without any account is refused with 400 and
 * {@code exists: false}.
 */
@RestController
class EvolutionController {

    static final String PROVIDER = "evolution";

    private final SandboxProperties.Evolution settings;
    private final Faults faults;
    private final WhatsAppDirectory directory;
    private final SentMessages messages;

    EvolutionController(SandboxProperties properties, Faults faults, WhatsAppDirectory directory, SentMessages messages) {
        this.settings = properties.whatsapp().evolution();
        this.faults = faults;
        this.directory = directory;
        this.messages = messages;
    }

    @PostMapping("/chat/whatsappNumbers/{instance}")
    ResponseEntity<Object> whatsappNumbers(
            @PathVariable String instance,
            @RequestHeader(value = "apikey", required = false) @Nullable String apiKey,
            @RequestBody NumbersRequest request) {
        ResponseEntity<Object> refused = guard(instance, apiKey);
        if (refused != null) {
            return refused;
        }
        if (request.numbers() == null || request.numbers().isEmpty()) {
            return badRequest(List.of("numbers is required"));
        }
        // Like Evolution: "number" echoes the number asked, "jid" is the account WhatsApp knows.
        List<OnWhatsApp> answers = new ArrayList<>();
        for (String number : request.numbers()) {
            String digits = WhatsAppDirectory.normalize(number);
            Optional<Account> account = settings.exactMatchOnly() ? directory.exact(digits) : directory.resolve(digits);
            answers.add(account.map(found -> new OnWhatsApp(jid(found.waId()), true, digits, found.name()))
                    .orElseGet(() -> new OnWhatsApp(jid(digits), false, digits, null)));
        }
        return ResponseEntity.ok(answers);
    }

    @PostMapping("/message/sendText/{instance}")
    ResponseEntity<Object> sendText(
            @PathVariable String instance,
            @RequestHeader(value = "apikey", required = false) @Nullable String apiKey,
            @RequestBody SendTextRequest request) {
        ResponseEntity<Object> refused = guard(instance, apiKey);
        if (refused != null) {
            return refused;
        }
        if (request.number() == null || request.number().isBlank() || request.text() == null || request.text().isBlank()) {
            return badRequest(List.of("number and text are required"));
        }
        String digits = WhatsAppDirectory.normalize(request.number());
        String id = "3EB0" + HexFormat.of().withUpperCase().formatHex(randomBytes(8));
        Optional<Account> exact = directory.exact(digits);
        if (exact.isEmpty() && directory.resolve(digits).isEmpty()) {
            messages.record(id, PROVIDER, request.number(), null, "text", request.text(), null, Delivery.REJECTED);
            return badRequest(List.of(new OnWhatsApp(jid(digits), false, digits, null)));
        }
        Delivery delivery = exact.isPresent() ? Delivery.DELIVERED : Delivery.GHOST;
        messages.record(id, PROVIDER, request.number(), exact.map(Account::waId).orElse(null), "text", request.text(),
                null, delivery);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of(
                "key", Map.of("remoteJid", jid(digits), "fromMe", true, "id", id),
                "pushName", "",
                "status", "PENDING",
                "message", Map.of("conversation", request.text()),
                "messageType", "conversation",
                "messageTimestamp", Instant.now().getEpochSecond(),
                "instanceId", settings.instance(),
                "source", "unknown"));
    }

    private @Nullable ResponseEntity<Object> guard(String instance, @Nullable String apiKey) {
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

    private static ResponseEntity<Object> badRequest(List<?> message) {
        return ResponseEntity.badRequest().body(WhatsAppErrors.evolution(400, "Bad Request", message));
    }

    private static String jid(String digits) {
        return digits + "@s.whatsapp.net";
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    record NumbersRequest(@Nullable List<String> numbers) {}

    record SendTextRequest(@Nullable String number, @Nullable String text, @Nullable Integer delay) {}

    /** Evolution's {@code OnWhatsAppDto}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OnWhatsApp(String jid, boolean exists, String number, @Nullable String name) {}
}
