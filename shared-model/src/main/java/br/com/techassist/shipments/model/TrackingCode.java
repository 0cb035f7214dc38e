package br.com.techassist.shipments.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Correios (UPU S10) tracking code such as {@code DG049186226BR}: two service letters, an
 * eight-digit serial, one check digit and a two-letter country.
 *
 * <p>The check digit is computed with the weights 8, 6, 4, 2, 3, 5, 9, 7 over the serial; with
 * {@code r = sum mod 11} it is 5 when {@code r == 0}, 0 when {@code r == 1}, else {@code 11 - r}.
 */
public record TrackingCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("^[A-Z]{2}\\d{9}[A-Z]{2}$");
    private static final Pattern SERIAL = Pattern.compile("^\\d{8}$");
    private static final int[] WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

    public TrackingCode {
        Objects.requireNonNull(value, "tracking code must not be null");
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidTrackingCodeException(problem);
        }
    }

    /** Parses a code, accepting surrounding blanks and lower case. */
    public static TrackingCode parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidTrackingCodeException("tracking code is missing");
        }
        return new TrackingCode(raw.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /** True when {@code raw} is a well-formed code with a correct check digit. */
    public static boolean isValid(String raw) {
        return raw != null && problemWith(raw.strip().toUpperCase(java.util.Locale.ROOT)) == null;
    }

    /** The check digit the eight serial digits call for. */
    public static int checkDigit(String serial) {
        if (serial == null || !SERIAL.matcher(serial).matches()) {
            throw new IllegalArgumentException("serial must have 8 digits, got '" + serial + "'");
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(serial.charAt(i), 10) * WEIGHTS[i];
        }
        int r = sum % 11;
        return r == 0 ? 5 : r == 1 ? 0 : 11 - r;
    }

    private static String problemWith(String value) {
        if (!FORMAT.matcher(value).matches()) {
            return "tracking code '" + value
                    + "' does not match the format AA000000000AA (2 letters, 9 digits, 2 letters)";
        }
        int expected = checkDigit(value.substring(2, 10));
        int actual = Character.digit(value.charAt(10), 10);
        if (expected != actual) {
            return "tracking code '" + value + "' has check digit " + actual + " but its serial "
                    + value.substring(2, 10) + " calls for " + expected;
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
