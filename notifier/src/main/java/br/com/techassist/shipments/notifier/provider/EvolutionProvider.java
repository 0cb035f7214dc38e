package br.com.techassist.shipments.notifier.provider;

import java.util.Map;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Evolution API (and the sandbox fake, which speaks the same protocol): {@code POST
 * /message/sendText/{instance}} with the rendered text and the {@code apikey} header. Evolution
 * checks the number before sending: {@code exists: false} comes back as 400 (no WhatsApp).
 */
public class EvolutionProvider implements WhatsAppProvider {


    private final RestClient http;
    private final String name;
    private final String path;

    public EvolutionProvider(RestClient http, String name, String instance) {
        this.http = http;
        this.name = name;
        this.path = "/message/sendText/" + instance;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SendOutcome send(OutgoingMessage m) {
        return ProviderJson.post(http, path, Map.of("number", m.to(), "text", m.text()), EvolutionProvider::outcome);
    }

    static SendOutcome outcome(int status, String body) {
        String compact = body == null ? "" : body.replaceAll("\\s", "");
        if (status >= 200 && status < 300) {
            JsonNode json = ProviderJson.parse(body);
            JsonNode id = json.path("key").path("id");
            if (id.isMissingNode() || id.isNull()) {
                return new SendOutcome.Unknown("HTTP " + status + " without key.id");
            }
            String jid = json.path("key").path("remoteJid").isString() ? json.path("key").path("remoteJid").asString() : null;
            return new SendOutcome.Accepted(id.asString(), jid == null ? null : jid.replaceAll("@.*", "").replaceAll("\\D", ""));
        }
        String reason = "HTTP " + status + (compact.isEmpty() ? "" : ": " + abbreviate(body.strip()));
        if (status == 400 && compact.contains("\"exists\":false")) {
            return new SendOutcome.Rejected(reason, "not_on_whatsapp", true);
        }
        if (status == 401 || status == 403) {
            return new SendOutcome.AuthFailed(reason, Integer.toString(status));
        }
        if (status == 429 || status >= 500) {
            return new SendOutcome.Retry(reason, Integer.toString(status));
        }
        return new SendOutcome.Rejected(reason, Integer.toString(status), false);
    }


    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
