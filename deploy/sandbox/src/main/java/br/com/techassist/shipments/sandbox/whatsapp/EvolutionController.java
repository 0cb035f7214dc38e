package br.com.techassist.shipments.sandbox.whatsapp;

import br.com.techassist.shipments.sandbox.SandboxProperties;
import br.com.techassist.shipments.sandbox.faults.Faults;
import br.com.techassist.shipments.sandbox.whatsapp.SentMessage.Delivery;
import br.com.techassist.shipments.sandbox.whatsapp.WhatsAppDirectory.Account;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * {@code exists: false}. While the connection is closed (fault knob), sends are refused with 400
 * "Error: Connection Closed" and number checks fail with 500, as Evolution 2.3 answers them.
 */
@RestController
class EvolutionController {

    static final String PROVIDER = "evolution";

    private final SandboxProperties.Evolution settings;
    private final Faults faults;
    private final WhatsAppDirectory directory;
    private final SentMessages messages;
    private final EvolutionInstance instance;
    private final EvolutionStore store;
    private final EvolutionWebhooks webhooks;

    EvolutionController(SandboxProperties properties, Faults faults, WhatsAppDirectory directory, SentMessages messages,
            EvolutionInstance instance, EvolutionStore store, EvolutionWebhooks webhooks) {
        this.settings = properties.whatsapp().evolution();
        this.faults = faults;
        this.directory = directory;
        this.messages = messages;
        this.instance = instance;
        this.store = store;
        this.webhooks = webhooks;
    }

    @PostMapping("/chat/whatsappNumbers/{instance}")
    ResponseEntity<Object> whatsappNumbers(
            @PathVariable("instance") String name,
            @RequestHeader(value = "apikey", required = false) @Nullable String apiKey,
            @RequestBody NumbersRequest request) {
        ResponseEntity<Object> refused = instance.refuse(name, apiKey);
        if (refused != null) {
            return refused;
        }
        List<String> problems = problemsWith(request);
        if (!problems.isEmpty()) {
            return badRequest(List.of(problems));
        }
        if (!instance.open()) {
            // Evolution does not wrap the Baileys error of a number check: a 500 whose message is a string.
            return ResponseEntity.internalServerError().body(Map.of("status", 500, "error", "Internal Server Error",
                    "response", Map.of("message", "Connection Closed")));
        }
        // Like Evolution: "number" echoes the number asked, "jid" is the account WhatsApp knows.
        List<OnWhatsApp> answers = new ArrayList<>();
        for (String number : java.util.Objects.requireNonNull(request.numbers())) {
            String digits = WhatsAppDirectory.normalize(number);
            Optional<Account> account = settings.exactMatchOnly() ? directory.exact(digits) : directory.resolve(digits);
            answers.add(account.map(found -> new OnWhatsApp(EvolutionInstance.jid(found.waId()), true, digits, found.name()))
                    .orElseGet(() -> new OnWhatsApp(EvolutionInstance.jid(digits), false, digits, null)));
        }
        return ResponseEntity.ok(answers);
    }

    /** Evolution's {@code whatsappNumberSchema} errors, in the jsonschema library's words. */
    private static List<String> problemsWith(NumbersRequest request) {
        List<String> numbers = request.numbers();
        if (numbers == null) {
            return List.of("instance requires property \"numbers\"");
        }
        if (numbers.isEmpty()) {
            return List.of("numbers does not meet minimum length of 1");
        }
        if (new HashSet<>(numbers).size() < numbers.size()) {
            return List.of("numbers contains duplicate item");
        }
        return List.of();
    }

    @PostMapping("/message/sendText/{instance}")
    ResponseEntity<Object> sendText(
            @PathVariable("instance") String name,
            @RequestHeader(value = "apikey", required = false) @Nullable String apiKey,
            @RequestBody SendTextRequest request) {
        ResponseEntity<Object> refused = instance.refuse(name, apiKey);
        if (refused != null) {
            return refused;
        }
        if (request.number() == null || request.number().isBlank() || request.text() == null || request.text().isBlank()) {
            return badRequest(List.of(List.of("instance requires property \"number\"", "instance requires property \"text\"")));
        }
        if (!instance.open()) {
            return badRequest(List.of("Error: Connection Closed"));
        }
        String digits = WhatsAppDirectory.normalize(request.number());
        String id = MessageIds.evolutionSent();
        Optional<Account> exact = directory.exact(digits);
        if (exact.isEmpty() && directory.resolve(digits).isEmpty()) {
            messages.record(id, PROVIDER, request.number(), null, "text", request.text(), null, Delivery.REJECTED);
            return badRequest(List.of(new OnWhatsApp(EvolutionInstance.jid(digits), false, digits, null)));
        }
        Delivery delivery = exact.isPresent() ? Delivery.DELIVERED : Delivery.GHOST;
        messages.record(id, PROVIDER, request.number(), exact.map(Account::waId).orElse(null), "text", request.text(),
                null, delivery);
        EvolutionKey key = EvolutionKey.sent(EvolutionInstance.jid(digits), id);
        Instant now = Instant.now();
        store.store(key, "Você", request.text(), now, instance.instanceId(), "unknown");
        webhooks.sent(key, delivery == Delivery.DELIVERED);
        if (faults.acceptThenFail()) {
            return ResponseEntity.internalServerError().body(WhatsAppErrors.evolutionServerError());
        }
        Map<String, Object> body = instance.messageRaw(key, "", "PENDING", request.text(), now, "unknown");
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    private static ResponseEntity<Object> badRequest(List<?> message) {
        return ResponseEntity.badRequest().body(WhatsAppErrors.evolution(400, "Bad Request", message));
    }


    record NumbersRequest(@Nullable List<String> numbers) {}

    record SendTextRequest(@Nullable String number, @Nullable String text, @Nullable Integer delay) {}

    /** Evolution's {@code OnWhatsAppDto}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OnWhatsApp(String jid, boolean exists, String number, @Nullable String name) {}
}
