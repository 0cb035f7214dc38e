package br.com.techassist.shipments.support.logging;

import java.util.Arrays;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Masks personal data before it reaches a log line, a dead-letter header or an event meant for
 * operators: phone numbers keep the country code, the DDD, the first digit and the last four
 * ({@code +55 43 9****-0021}); names keep initials ({@code M**** S****}); free text keeps its words
 * with phones, e-mails and documents inside it masked ({@link #freeText}).
 */
public final class Masking {

    private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern CPF = Pattern.compile("(?<![\\w.-])\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}(?![\\w-])");
    private static final Pattern CNPJ = Pattern.compile("(?<![\\w./-])\\d{2}\\.\\d{3}\\.\\d{3}/\\d{4}-\\d{2}(?![\\w-])");
    /** 8 or more digits, with phone punctuation between them; not part of a word, tracking code or UUID. */
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![\\w-])\\+?\\(?\\d(?:[\\s().-]{0,2}\\d){7,}(?![\\w-])");
    /** Digit runs that are no one's data: an ISO date (with its time), an IPv4 address. */
    private static final Pattern NOT_PERSONAL = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*|\\d{1,3}(?:\\.\\d{1,3}){3}");

    private Masking() {}

    /** Masks a phone number given in any format; null or blank gives {@code "-"}. */
    public static String phone(String raw) {
        if (raw == null || raw.isBlank()) {
            return "-";
        }
        String digits = raw.replaceAll("\\D", "");
        if (digits.length() < 6) {
            return "*".repeat(digits.length());
        }
        String last4 = digits.substring(digits.length() - 4);
        if (digits.startsWith("55") && digits.length() >= 12) {
            String ddd = digits.substring(2, 4);
            String local = digits.substring(4);
            return "+55 " + ddd + " " + local.charAt(0) + "*".repeat(local.length() - 5) + "-" + last4;
        }
        if (!raw.strip().startsWith("+") && (digits.length() == 10 || digits.length() == 11)) { // national: DDD + number
            String local = digits.substring(2);
            return "(" + digits.substring(0, 2) + ") " + local.charAt(0) + "*".repeat(local.length() - 5) + "-" + last4;
        }
        return digits.charAt(0) + "*".repeat(digits.length() - 5) + "-" + last4;
    }

    /** Masks a person's name, keeping the first letter of each word. */
    public static String name(String raw) {
        if (raw == null || raw.isBlank()) {
            return "-";
        }
        return Arrays.stream(raw.strip().split("\\s+"))
                .map(w -> w.charAt(0) + "*".repeat(Math.max(1, w.length() - 1)))
                .collect(Collectors.joining(" "));
    }

    /** Masks an e-mail address, keeping the first letter and the domain: {@code m****@example.com}. */
    public static String email(String raw) {
        if (raw == null || raw.isBlank()) {
            return "-";
        }
        int at = raw.lastIndexOf('@');
        if (at <= 0) {
            return "*".repeat(Math.min(raw.length(), 8));
        }
        return raw.charAt(0) + "****" + raw.substring(at);
    }

    /** Masks free text that may hold personal data (notes): only its length is kept. */
    public static String text(String raw) {
        return raw == null || raw.isEmpty() ? "-" : "*(" + raw.length() + " characters)";
    }

    /**
     * Masks the personal data inside free text that must stay readable (exception messages, stack
     * traces, failure reasons): e-mail addresses as {@link #email}, formatted CPF and CNPJ entirely,
     * and every run of 8 or more digits (phone punctuation allowed between them): entirely when it is
     * a valid CPF or CNPJ, else as {@link #phone}. Tracking codes, UUIDs, dates and shorter numbers
     * stay as they are. Null or empty text is returned as it is.
     */
    public static String freeText(String raw) {
        if (raw == null || raw.isEmpty()) {
            return raw;
        }
        String text = replace(EMAIL, raw, Masking::email);
        text = replace(CNPJ, text, m -> "**.***.***/****-**");
        text = replace(CPF, text, m -> "***.***.***-**");
        return replace(DIGIT_RUN, text, Masking::digitRun);
    }

    private static String digitRun(String run) {
        if (NOT_PERSONAL.matcher(run).matches()) {
            return run;
        }
        String digits = run.replaceAll("\\D", "");
        return BrazilianDocuments.isCpf(digits) || BrazilianDocuments.isCnpj(digits) ? "*".repeat(digits.length()) : phone(run);
    }

    private static String replace(Pattern pattern, String text, Function<String, String> masking) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(masking.apply(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
