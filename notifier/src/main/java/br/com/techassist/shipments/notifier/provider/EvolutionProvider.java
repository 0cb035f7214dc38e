package br.com.techassist.shipments.notifier.provider;

import br.com.techassist.shipments.support.logging.Masking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Evolution API 2.3.x (and the sandbox fake, which speaks the same protocol): {@code POST
 * /message/sendText/{instance}} with the rendered text and the {@code apikey} header. Evolution
 * wraps every failure after its number check into HTTP 400 with the error text (reference §3.1):
 * only {@code "exists":false} says the number has no WhatsApp; "Connection Closed" says the WhatsApp
 * connection is down (nothing was sent); any other 400 text may come after the message left, so it
 * proves nothing. Health is {@code GET /instance/connectionState/{instance}}; the store of sent
 * messages is {@code POST /chat/findMessages/{instance}}.
 */
public class EvolutionProvider implements WhatsAppProvider {

    /** Baileys' errors for a socket that is not open: the send never left. */
    private static final Pattern DISCONNECTED = Pattern.compile(
            "connection closed|connection terminated|not connected|websocket is not open|socket closed", Pattern.CASE_INSENSITIVE);
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{8,}");
    private static final int PAGE_SIZE = 50;
    private static final int MAX_PAGES = 10;

    private final RestClient http;
    private final String name;
    private final String instance;

    public EvolutionProvider(RestClient http, String name, String instance) {
        this.http = http;
        this.name = name;
        this.instance = instance;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SendOutcome send(OutgoingMessage m) {
        return ProviderJson.post(http, "/message/sendText/" + instance, Map.of("number", m.to(), "text", m.text()),
                EvolutionProvider::outcome);
    }

    static SendOutcome outcome(int status, String body) {
        if (status >= 200 && status < 300) {
            JsonNode key = ProviderJson.parse(body).path("key");
            String id = ProviderJson.text(key.path("id"));
            if (id == null) {
                return new SendOutcome.Unknown("HTTP " + status + " without key.id");
            }
            return new SendOutcome.Accepted(id, Jids.phoneDigits(ProviderJson.text(key.path("remoteJid"))));
        }
        String compact = body == null ? "" : body.replaceAll("\\s", "");
        String text = errorText(body);
        String reason = "HTTP " + status + (text.isEmpty() ? "" : ": " + text);
        if (status == 400 && compact.contains("\"exists\":false")) {
            // the body echoes the number: never copied into reasons, events or alerts
            return new SendOutcome.Rejected("HTTP 400: the number has no WhatsApp (exists:false)", "not_on_whatsapp", true);
        }
        if (status == 400 && DISCONNECTED.matcher(text).find()) {
            return new SendOutcome.Paused(reason, "connection_closed", PauseCause.DISCONNECTED);
        }
        if (status == 401 || status == 403) {
            return new SendOutcome.Paused(reason + " (apikey refused?)", Integer.toString(status), PauseCause.CREDENTIALS);
        }
        if (status == 404) {
            return new SendOutcome.Paused(reason + " (instance unknown?)", "404", PauseCause.CONFIGURATION);
        }
        if (status == 429) {
            return new SendOutcome.Retry(reason, "429");
        }
        return new SendOutcome.Unknown(reason);
    }

    /** The error text of an Evolution answer ({@code response.message[]}), long digit runs masked; else the body abbreviated. */
    static String errorText(String body) {
        JsonNode messages = ProviderJson.parse(body).path("response").path("message");
        String text;
        if (messages.isArray()) {
            List<String> parts = new ArrayList<>();
            messages.forEach(m -> parts.add(m.isString() ? m.asString() : m.toString()));
            text = String.join("; ", parts);
        } else {
            text = ProviderJson.abbreviate(body);
        }
        Matcher digits = LONG_DIGITS.matcher(text);
        return ProviderJson.abbreviate(digits.replaceAll(r -> Matcher.quoteReplacement(Masking.phone(r.group()))));
    }

    @Override
    public ProviderHealth health() {
        try {
            return ProviderJson.exchange(http, HttpMethod.GET, "/instance/connectionState/" + instance, null,
                    (status, body) -> {
                        if (status >= 200 && status < 300) {
                            String state = ProviderJson.text(ProviderJson.parse(body).path("instance").path("state"));
                            return "open".equals(state)
                                    ? ProviderHealth.up("connection open")
                                    : ProviderHealth.down(PauseCause.DISCONNECTED, "connection " + (state == null ? "state unreadable" : state));
                        }
                        if (status == 401 || status == 403) {
                            return ProviderHealth.down(PauseCause.CREDENTIALS, "connectionState answered " + status + " (apikey refused?)");
                        }
                        if (status == 404) {
                            return ProviderHealth.down(PauseCause.CONFIGURATION, "instance " + instance + " unknown (404)");
                        }
                        return ProviderHealth.down(PauseCause.DISCONNECTED, "connectionState answered " + status);
                    });
        } catch (RuntimeException e) {
            return ProviderHealth.down(PauseCause.DISCONNECTED, "connectionState failed: " + HttpFailures.rootMessage(e));
        }
    }

    /**
     * {@code POST /chat/findMessages/{instance}} for messages from us to the recipient's jid (both
     * ninth-digit forms of a Brazilian mobile: Evolution may have sent to either) in the period.
     */
    @Override
    public Optional<List<StoredMessage>> sentMessages(String recipient, Instant from, Instant to) {
        List<StoredMessage> found = new ArrayList<>();
        for (String jid : Jids.of(recipient)) {
            found.addAll(find(jid, from, to));
        }
        return Optional.of(found);
    }

    private List<StoredMessage> find(String jid, Instant from, Instant to) {
        List<StoredMessage> found = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            Map<String, Object> where = new LinkedHashMap<>();
            where.put("key", Map.of("remoteJid", jid, "fromMe", true));
            where.put("messageTimestamp", Map.of("gte", from.toString(), "lte", to.toString()));
            Map<String, Object> query = Map.of("where", where, "page", page, "offset", PAGE_SIZE);
            JsonNode messages = ProviderJson.exchange(http, HttpMethod.POST, "/chat/findMessages/" + instance, query,
                    (status, body) -> {
                        if (status < 200 || status >= 300) {
                            throw new IllegalStateException("findMessages answered HTTP " + status + ": " + errorText(body));
                        }
                        return ProviderJson.parse(body).path("messages");
                    });
            for (JsonNode record : messages.path("records")) {
                JsonNode message = record.path("message");
                String text = ProviderJson.text(message.path("conversation"));
                if (text == null) {
                    text = ProviderJson.text(message.path("extendedTextMessage").path("text"));
                }
                found.add(new StoredMessage(ProviderJson.text(record.path("key").path("id")), text == null ? "" : text));
            }
            if (messages.path("pages").asInt(1) <= page) {
                break;
            }
        }
        return found;
    }

    /** Jids and phone digits: an {@code …@lid} jid is not a phone number and yields none. */
    public static final class Jids {

        private Jids() {}

        public static String phoneDigits(String jid) {
            if (jid == null || jid.toLowerCase(Locale.ROOT).endsWith("@lid")) {
                return null;
            }
            String digits = jid.replaceAll("@.*", "").replaceAll("\\D", "");
            return digits.isEmpty() ? null : digits;
        }

        /** The jids a send to {@code number} may have gone to: itself and, for a Brazilian mobile, its other ninth-digit form. */
        public static List<String> of(String number) {
            String digits = number.replaceAll("\\D", "");
            List<String> jids = new ArrayList<>();
            jids.add(digits + "@s.whatsapp.net");
            if (digits.startsWith("55") && digits.length() == 13 && digits.charAt(4) == '9') {
                jids.add(digits.substring(0, 4) + digits.substring(5) + "@s.whatsapp.net");
            } else if (digits.startsWith("55") && digits.length() == 12 && digits.charAt(4) >= '6') {
                jids.add(digits.substring(0, 4) + "9" + digits.substring(4) + "@s.whatsapp.net");
            }
            return jids;
        }
    }
}
