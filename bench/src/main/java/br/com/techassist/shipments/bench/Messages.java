package br.com.techassist.shipments.bench;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The fake WhatsApp's sent messages, grouped by the tracking code their text names. */
final class Messages {

    private static final Pattern CODE = Pattern.compile("[A-Z]{2}\\d{9}[A-Z]{2}");

    /** One message as the sandbox recorded it. */
    record Sent(String code, String kind, Instant sentAt, LocalDateTime simulatedAt, String delivery) {}

    private final Map<String, List<Sent>> byCode = new HashMap<>();
    private final List<Sent> all = new ArrayList<>();

    Messages(List<JsonNode> messages) {
        for (JsonNode m : messages) {
            String text = m.path("text").asString("");
            Matcher matcher = CODE.matcher(text);
            String code = matcher.find() ? matcher.group() : "?";
            Sent sent = new Sent(code, kindOf(text), Instant.parse(m.get("sentAt").asString()),
                    simulated(m.get("simulatedAt").asString()), m.path("delivery").asString(""));
            all.add(sent);
            byCode.computeIfAbsent(code, c -> new ArrayList<>()).add(sent);
        }
    }

    static LocalDateTime simulated(String text) {
        return LocalDateTime.parse(text.length() > 19 ? text.substring(0, 19) : text);
    }

    static String kindOf(String text) {
        if (text.contains("foi postada")) {
            return "SHIPPED";
        }
        if (text.contains("foi entregue") || text.contains("aguardando retirada")) {
            return "ARRIVED";
        }
        return "UNKNOWN";
    }

    List<Sent> of(String code) {
        return byCode.getOrDefault(code, List.of());
    }

    List<Sent> all() {
        return all;
    }

    /** Messages beyond the first of each (parcel, kind). */
    long duplicates() {
        long duplicates = 0;
        for (List<Sent> list : byCode.values()) {
            duplicates += list.size() - list.stream().map(Sent::kind).distinct().count();
        }
        return duplicates;
    }
}
