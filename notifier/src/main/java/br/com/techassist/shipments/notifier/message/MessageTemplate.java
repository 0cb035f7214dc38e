package br.com.techassist.shipments.notifier.message;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a message text: {@code {name}} is replaced by the value of {@code name}; a part in square
 * brackets is kept only when every placeholder in it has a value. An unknown or empty placeholder
 * outside brackets renders as nothing, never as {@code null}.
 */
final class MessageTemplate {

    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\[\\]]*)]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private MessageTemplate() {}

    static String render(String template, Map<String, String> values) {
        Matcher optional = OPTIONAL.matcher(template);
        StringBuilder kept = new StringBuilder();
        while (optional.find()) {
            String part = optional.group(1);
            optional.appendReplacement(kept, Matcher.quoteReplacement(allPresent(part, values) ? part : ""));
        }
        optional.appendTail(kept);
        Matcher placeholder = PLACEHOLDER.matcher(kept);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        placeholder.appendTail(out);
        return out.toString().replaceAll(" {2,}", " ").replaceAll(" ([.,!?:;])", "$1").strip();
    }

    private static boolean allPresent(String part, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(part);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null || value.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
