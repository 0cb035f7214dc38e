package br.com.techassist.shipments.support.logging;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Masks personal data before it reaches a log line or an event meant for operators: phone
 * numbers keep the country code, the DDD, the first digit and the last four
 * ({@code +55 43 9****-0021}); names keep initials ({@code M**** S****}).
 */
public final class Masking {

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
}
