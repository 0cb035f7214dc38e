package br.com.techassist.shipments.notifier.provider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Meta WhatsApp Cloud API: {@code POST /{version}/{phone-number-id}/messages} with an approved
 * template, bearer token, our notification id in {@code biz_opaque_callback_data}. Answers are told
 * apart by {@code error.code} (reference §1.5, ARCHITECTURE "Provider answers"): 131026 no WhatsApp;
 * throughput and pair-rate codes retry this message; credential, policy, account and template codes
 * pause every send; 131048/131049 (quality) pause too, never retried in a loop; a 5xx proves nothing.
 * There is no store to ask afterwards: the status webhooks (carrying our callback data) are the record.
 */
public class CloudApiProvider implements WhatsAppProvider {

    static final Set<Integer> RETRYABLE = Set.of(1, 2, 4, 80007, 130429, 131000, 131016, 131056, 131057);
    static final Set<Integer> CREDENTIALS = Set.of(0, 3, 10, 190);
    static final Set<Integer> CONFIGURATION = Set.of(368, 131031, 131042, 133016);
    static final Set<Integer> QUALITY = Set.of(131048, 131049);
    static final int NO_WHATSAPP = 131026;

    private final RestClient http;
    private final String path;
    private final String healthPath;

    public CloudApiProvider(RestClient http, String apiVersion, String phoneNumberId) {
        this.http = http;
        this.path = "/" + apiVersion + "/" + phoneNumberId + "/messages";
        this.healthPath = "/" + apiVersion + "/" + phoneNumberId;
    }

    @Override
    public String name() {
        return "cloud-api";
    }

    @Override
    public SendOutcome send(OutgoingMessage m) {
        return ProviderJson.post(http, path, body(m), CloudApiProvider::outcome);
    }

    /** {@code GET /{version}/{phone-number-id}}: answers with the number's node while the token and number are good. */
    @Override
    public ProviderHealth health() {
        try {
            return ProviderJson.exchange(http, HttpMethod.GET, healthPath, null, (status, body) -> {
                if (status >= 200 && status < 300) {
                    return ProviderHealth.up("phone number node readable");
                }
                SendOutcome refused = outcome(status, body);
                if (refused instanceof SendOutcome.Paused p) {
                    return ProviderHealth.down(p.cause(), p.reason());
                }
                return ProviderHealth.down(status >= 500 ? PauseCause.DISCONNECTED : PauseCause.CONFIGURATION,
                        "health check answered HTTP " + status);
            });
        } catch (RuntimeException e) {
            return ProviderHealth.down(PauseCause.DISCONNECTED, "health check failed: " + HttpFailures.rootMessage(e));
        }
    }

    @Override
    public Optional<List<StoredMessage>> sentMessages(String recipient, Instant from, Instant to) {
        return Optional.empty();
    }

    static Map<String, Object> body(OutgoingMessage m) {
        List<Map<String, String>> parameters = new ArrayList<>();
        for (String value : m.parameters()) {
            parameters.add(Map.of("type", "text", "text", parameter(value)));
        }
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", m.template());
        template.put("language", Map.of("code", m.language()));
        template.put("components", List.of(Map.of("type", "body", "parameters", parameters)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", m.to());
        body.put("type", "template");
        body.put("template", template);
        body.put("biz_opaque_callback_data", m.notificationId());
        return body;
    }

    /**
     * A body parameter as Meta takes it: no newline or tab and no run of more than 4 spaces (else
     * 132018, which would stop the whole queue as a template problem), never empty (else 100).
     */
    static String parameter(String value) {
        String flat = value == null ? "" : value.replaceAll("\\s+", " ").strip();
        return flat.isEmpty() ? "-" : flat;
    }

    static SendOutcome outcome(int status, String body) {
        JsonNode json = ProviderJson.parse(body);
        if (status >= 200 && status < 300) {
            String id = ProviderJson.text(json.path("messages").path(0).path("id"));
            if (id == null) {
                return new SendOutcome.Unknown("HTTP " + status + " without messages[0].id");
            }
            return new SendOutcome.Accepted(id, ProviderJson.text(json.path("contacts").path(0).path("wa_id")));
        }
        JsonNode error = json.path("error");
        Integer code = error.path("code").isNumber() ? error.path("code").asInt() : null;
        String message = ProviderJson.text(error.path("message"));
        String reason = "HTTP " + status + (code == null ? "" : " error " + code) + (message == null ? "" : ": " + message);
        String codeText = code == null ? Integer.toString(status) : code.toString();
        if (status >= 500) {
            return new SendOutcome.Unknown(reason);
        }
        if (code == null) {
            return withoutCode(status, reason, codeText);
        }
        if (code == NO_WHATSAPP) {
            return new SendOutcome.Rejected(reason, codeText, true);
        }
        if (CREDENTIALS.contains(code) || code >= 200 && code <= 299) {
            return new SendOutcome.Paused(reason, codeText, PauseCause.CREDENTIALS);
        }
        if (CONFIGURATION.contains(code) || code >= 132000 && code <= 132999) {
            return new SendOutcome.Paused(reason, codeText, PauseCause.CONFIGURATION);
        }
        if (QUALITY.contains(code)) {
            return new SendOutcome.Paused(reason, codeText, PauseCause.QUALITY);
        }
        if (RETRYABLE.contains(code) || status == 429) {
            return new SendOutcome.Retry(reason, codeText);
        }
        return new SendOutcome.Rejected(reason, codeText, false);
    }

    /** An answer without the Graph error envelope (a proxy, a gateway): only its status speaks. */
    private static SendOutcome withoutCode(int status, String reason, String codeText) {
        if (status == 401 || status == 403) {
            return new SendOutcome.Paused(reason, codeText, PauseCause.CREDENTIALS);
        }
        if (status == 404) {
            return new SendOutcome.Paused(reason + " (wrong phone-number id or API version?)", codeText,
                    PauseCause.CONFIGURATION);
        }
        if (status == 429) {
            return new SendOutcome.Retry(reason, codeText);
        }
        return new SendOutcome.Unknown(reason + " without an error code");
    }
}
