package br.com.techassist.shipments.sandbox.whatsapp;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The WhatsApp accounts that exist in the sandbox, keyed by their id (the number in the form the
 * account was registered with: 13 digits with the ninth digit, 12 without, or a landline's 12).
 */
@Component
public class WhatsAppDirectory {

    private final ConcurrentHashMap<String, Account> accounts = new ConcurrentHashMap<>();

    /**
     * A WhatsApp account.
     *
     * @param waId its id, digits only (e.g. {@code 5592991234567} or {@code 559291234567})
     * @param name the profile name
     * @param business true for a WhatsApp Business account
     */
    public record Account(String waId, String name, boolean business) {}

    /** Creates (or replaces) an account. */
    public void register(String waId, String name, boolean business) {
        String id = normalize(waId);
        accounts.put(id, new Account(id, name, business));
    }

    /** The account whose id is exactly {@code number} (normalised). */
    public Optional<Account> exact(String number) {
        return Optional.ofNullable(accounts.get(normalize(number)));
    }

    /** The account of {@code number} in either ninth-digit form, as WhatsApp itself resolves it. */
    public Optional<Account> resolve(String number) {
        String digits = normalize(number);
        Account account = accounts.get(digits);
        if (account != null) {
            return Optional.of(account);
        }
        return ninthDigitCounterpart(digits).map(accounts::get);
    }

    public List<Account> all() {
        return List.copyOf(accounts.values());
    }

    /** Digits only, without a {@code @s.whatsapp.net} suffix, with the country code 55 added to national numbers. */
    public static String normalize(String raw) {
        int at = raw.indexOf('@');
        String digits = (at >= 0 ? raw.substring(0, at) : raw).replaceAll("\\D", "");
        return digits.length() == 10 || digits.length() == 11 ? "55" + digits : digits;
    }

    /**
     * The same Brazilian mobile in the other ninth-digit form: {@code 55DD9XXXXXXXX} ↔
     * {@code 55DDXXXXXXXX} (only when the 8-digit local part starts 6..9; landlines have none).
     */
    static Optional<String> ninthDigitCounterpart(String digits) {
        if (!digits.startsWith("55")) {
            return Optional.empty();
        }
        if (digits.length() == 13 && digits.charAt(4) == '9' && digits.charAt(5) >= '6') {
            return Optional.of(digits.substring(0, 4) + digits.substring(5));
        }
        if (digits.length() == 12 && digits.charAt(4) >= '6') {
            return Optional.of(digits.substring(0, 4) + "9" + digits.substring(4));
        }
        return Optional.empty();
    }
}
