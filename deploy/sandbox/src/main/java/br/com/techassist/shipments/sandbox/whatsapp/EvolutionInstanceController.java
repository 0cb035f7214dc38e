package br.com.techassist.shipments.sandbox.whatsapp;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fake Evolution instance endpoints: {@code GET /instance/connectionState/{instance}},
 * {@code POST /webhook/set/{instance}} and {@code GET /webhook/find/{instance}}.
 */
@RestController
class EvolutionInstanceController {

    private final EvolutionInstance instance;
    private final EvolutionWebhooks webhooks;

    EvolutionInstanceController(EvolutionInstance instance, EvolutionWebhooks webhooks) {
        this.instance = instance;
        this.webhooks = webhooks;
    }

    @GetMapping("/instance/connectionState/{instance}")
    ResponseEntity<Object> connectionState(@PathVariable("instance") String name,
            @RequestHeader(value = "apikey", required = false) @Nullable String apiKey) {
        ResponseEntity<Object> refused = instance.refuse(name, apiKey);
        if (refused != null) {
            return refused;
        }
        return ResponseEntity.ok(Map.of("instance", Map.of("instanceName", instance.name(), "state", instance.state())));
    }

    @PostMapping("/webhook/set/{instance}")
    ResponseEntity<Object> set(@PathVariable("instance") String name,
            @RequestHeader(value = "apikey", required = false) @Nullable String apiKey,
            @RequestBody EvolutionWebhook.Request request) {
        ResponseEntity<Object> refused = instance.refuse(name, apiKey);
        if (refused != null) {
            return refused;
        }
        List<String> problems = EvolutionWebhook.problems(request);
        if (!problems.isEmpty()) {
            return ResponseEntity.badRequest().body(WhatsAppErrors.evolution(400, "Bad Request", List.of(problems)));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(webhooks.set(request));
    }

    @GetMapping("/webhook/find/{instance}")
    ResponseEntity<Object> find(@PathVariable("instance") String name,
            @RequestHeader(value = "apikey", required = false) @Nullable String apiKey) {
        ResponseEntity<Object> refused = instance.refuse(name, apiKey);
        if (refused != null) {
            return refused;
        }
        // Evolution answers JSON null when no webhook was ever set.
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(webhooks.find().<Object>map(webhook -> webhook).orElse("null"));
    }
}
