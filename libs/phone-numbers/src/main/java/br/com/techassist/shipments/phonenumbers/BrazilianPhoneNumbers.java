package br.com.techassist.shipments.phonenumbers;

import br.com.techassist.shipments.model.ContactValidated.PhoneType;
import br.com.techassist.shipments.model.Phone;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads phones typed by people as Brazilian numbers, with Google libphonenumber (region BR), and
 * works out the WhatsApp ids to ask the provider about. Pure: no I/O, no state.
 *
 * <ul>
 *   <li>A mobile ({@code DDD 9XXXX-XXXX}) has two candidate ids: with the ninth digit
 *       ({@code 55DD9XXXXXXXX}) and without it ({@code 55DDXXXXXXXX}), because accounts created
 *       before the 9 was added in their DDD kept the old id.
 *   <li>An 8-digit local number starting 6–9 is a mobile typed without the 9: the 9 is added for the
 *       canonical number and both candidates are checked.
 *   <li>A landline (local number starting 2–5) is never given a 9: its only candidate is itself.
 *   <li>Country code ({@code +55}, {@code 55}, {@code 0055}), trunk prefix {@code 0}, carrier codes
 *       ({@code 0 41 43 …}, {@code 0xx43 …}), parentheses, dashes, dots and spaces are accepted.
 * </ul>
 */
public final class BrazilianPhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern LETTERS = Pattern.compile("\\p{L}");
    private static final Pattern CARRIER_PLACEHOLDER = Pattern.compile("^0\\s*[xX]{2}");
    private static final Pattern INTERNATIONAL_55 = Pattern.compile("^00\\s*55");

    /** The longest input read as a phone; anything longer is refused unread (bounded work for any input). */
    public static final int MAX_INPUT = 40;

    private BrazilianPhoneNumbers() {}

    /**
     * Joins a DDD and a local number as a person typed them: the local number alone when it already
     * carries its own area or country code (10 digits or more, or a leading {@code +}).
     */
    public static NormalizedPhone normalize(Phone phone) {
        if (phone == null) {
            return NormalizedPhone.missing();
        }
        return normalize(join(phone.areaCode(), phone.number()));
    }

    static String join(String areaCode, String number) {
        boolean noArea = areaCode == null || areaCode.isBlank();
        boolean noNumber = number == null || number.isBlank();
        if (noNumber) {
            return null; // a DDD alone is no phone
        }
        if (noArea) {
            return number.strip();
        }
        String local = number.strip();
        boolean selfContained = local.startsWith("+") || local.replaceAll("\\D", "").length() >= 10;
        return selfContained ? local : areaCode.strip() + " " + local;
    }

    /** Reads one typed string, e.g. {@code "(43) 99999-0021"} or {@code "+55 43 9999-0021"}. */
    public static NormalizedPhone normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return NormalizedPhone.missing();
        }
        if (raw.length() > MAX_INPUT) {
            return NormalizedPhone.invalid(raw.substring(0, MAX_INPUT), "a phone number has at most " + MAX_INPUT
                    + " characters");
        }
        String input = raw.strip();
        String text = CARRIER_PLACEHOLDER.matcher(input).replaceFirst("0");
        text = INTERNATIONAL_55.matcher(text).replaceFirst("+55");
        if (LETTERS.matcher(text).find()) {
            return NormalizedPhone.invalid(input, "'" + input + "' contains letters, not a phone number");
        }
        if (text.replaceAll("\\D", "").isEmpty()) {
            return NormalizedPhone.invalid(input, "'" + input + "' has no digits");
        }
        PhoneNumber parsed;
        try {
            parsed = UTIL.parse(text, "BR");
        } catch (NumberParseException e) {
            return NormalizedPhone.invalid(input, "'" + input + "' is not a phone number: " + describe(e));
        }
        if (parsed.getCountryCode() != 55) {
            return NormalizedPhone.invalid(input, "'" + input + "' is a foreign number (+" + parsed.getCountryCode()
                    + "); only Brazilian numbers are supported");
        }
        return classify(input, UTIL.getNationalSignificantNumber(parsed));
    }

    private static NormalizedPhone classify(String input, String nsn) {
        if (nsn.length() < 10) {
            return NormalizedPhone.invalid(input, "'" + input
                    + "' is too short: a Brazilian number needs the DDD (2 digits) and 8 or 9 digits");
        }
        if (nsn.length() > 11) {
            return NormalizedPhone.invalid(input, "'" + input
                    + "' is too long: a Brazilian number has a DDD (2 digits) and 8 or 9 digits");
        }
        String ddd = nsn.substring(0, 2);
        String local = nsn.substring(2);
        char first = local.charAt(0);
        if (local.length() == 9) {
            if (first != '9') {
                return NormalizedPhone.invalid(input, "'" + input + "' has 9 digits after the DDD but does not start with 9");
            }
            if (!isValid(nsn, PhoneNumberType.MOBILE)) {
                return unknownDdd(input, ddd);
            }
            return NormalizedPhone.usable(input, "55" + nsn, PhoneType.MOBILE,
                    List.of("55" + nsn, "55" + ddd + local.substring(1)), "55" + nsn);
        }
        if (first >= '2' && first <= '5') {
            if (!isValid(nsn, PhoneNumberType.FIXED_LINE)) {
                return unknownDdd(input, ddd);
            }
            return NormalizedPhone.usable(input, "55" + nsn, PhoneType.LANDLINE, List.of("55" + nsn), "55" + nsn);
        }
        if (first >= '6') {
            String withNine = ddd + "9" + local;
            if (!isValid(withNine, PhoneNumberType.MOBILE)) {
                return unknownDdd(input, ddd);
            }
            return NormalizedPhone.usable(input, "55" + withNine, PhoneType.MOBILE,
                    List.of("55" + withNine, "55" + nsn), "55" + nsn);
        }
        return NormalizedPhone.invalid(input, "'" + input
                + "' is not a mobile or landline number (a local number starts with 2 to 9)");
    }

    private static NormalizedPhone unknownDdd(String input, String ddd) {
        return NormalizedPhone.invalid(input, "'" + input + "' is not a valid Brazilian number (is DDD " + ddd + " right?)");
    }

    private static boolean isValid(String nsn, PhoneNumberType expected) {
        try {
            PhoneNumber number = UTIL.parse("+55" + nsn, "BR");
            return UTIL.isValidNumber(number) && UTIL.getNumberType(number) == expected;
        } catch (NumberParseException e) {
            return false;
        }
    }

    private static String describe(NumberParseException e) {
        return switch (e.getErrorType()) {
            case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> "too short";
            case TOO_LONG -> "too long";
            case INVALID_COUNTRY_CODE -> "unknown country code";
            case NOT_A_NUMBER -> "no phone number found";
        };
    }
}
