package br.com.techassist.shipments.sandbox.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the fake phones received: {@code /sandbox/whatsapp/messages}, accounts, and the inbox page. */
@RestController
class InspectionController {

    private final SentMessages messages;
    private final WhatsAppDirectory directory;
    private final EvolutionStore evolutionStore;
    private final CustomerWindows windows;
    private final String inboxPage;

    InspectionController(SentMessages messages, WhatsAppDirectory directory, EvolutionStore evolutionStore,
            CustomerWindows windows) throws IOException {
        this.messages = messages;
        this.directory = directory;
        this.evolutionStore = evolutionStore;
        this.windows = windows;
        try (InputStream page = new ClassPathResource("br/com/techassist/shipments/sandbox/inbox.html").getInputStream()) {
            this.inboxPage = new String(page.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Messages in sending order; {@code to} matches the addressed number or the receiving account (digits). */
    @GetMapping("/sandbox/whatsapp/messages")
    List<SentMessage> messages(@RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String provider) {
        String digits = to != null ? to.replaceAll("\\D", "") : null;
        return messages.list(message -> (digits == null || digits.equals(message.to().replaceAll("\\D", ""))
                        || digits.equals(message.waId()))
                && (provider == null || provider.equals(message.provider())));
    }

    @DeleteMapping("/sandbox/whatsapp/messages")
    ResponseEntity<Void> clear() {
        messages.clear();
        evolutionStore.clear();
        windows.clear();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/sandbox/whatsapp/accounts")
    List<WhatsAppDirectory.Account> accounts() {
        return directory.all();
    }

    @GetMapping("/sandbox/inbox")
    ResponseEntity<String> inbox() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(inboxPage);
    }
}
