package br.com.techassist.shipments.support.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Keyed hashes (HMAC-SHA-256) that stand in for a person's identifiers where the identifier itself
 * must not be kept: the notifier's opt-outs and prepost-ingest's erasure index. Each identifier is
 * normalised first, so the same person gives the same key however it was typed:
 * <ul>
 *   <li>phone: digits only, with a Brazilian mobile's ninth digit removed ({@code +55 (68) 99999-0001}
 *       and {@code 556899990001} are the same person);</li>
 *   <li>e-mail: trimmed, lower case;</li>
 *   <li>CPF/CNPJ: digits only (11 or 14).</li>
 * </ul>
 * Without the secret key the hashes cannot be reversed by trying every phone number.
 */
public final class PersonalDataKeys {

    /** Used when {@code PRIVACY_HASH_KEY} is not set (demos, tests): not a secret, hence the warning at start. */
    static final String BUILT_IN_KEY = "shipments-demo-privacy-key-set-PRIVACY_HASH_KEY-in-production";

    private final SecretKeySpec key;

    public PersonalDataKeys(@Nullable String secret) {
        String value = secret == null || secret.isBlank() ? BUILT_IN_KEY : secret;
        this.key = new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The key of a phone number, or empty when it holds no digits. */
    public Optional<String> phone(@Nullable String phone) {
        return Optional.ofNullable(phoneDigits(phone)).map(d -> hash("phone:" + d));
    }

    /** The key of an e-mail address, or empty when blank. */
    public Optional<String> email(@Nullable String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(hash("email:" + email.strip().toLowerCase(Locale.ROOT)));
    }

    /** The key of a CPF (11 digits) or CNPJ (14 digits), or empty when it is neither. */
    public Optional<String> document(@Nullable String cpfOrCnpj) {
        if (cpfOrCnpj == null) {
            return Optional.empty();
        }
        String digits = cpfOrCnpj.replaceAll("\\D", "");
        return digits.length() == 11 || digits.length() == 14 ? Optional.of(hash("doc:" + digits)) : Optional.empty();
    }

    /** Digits, with a Brazilian mobile's ninth digit removed: {@code 5568999990001} → {@code 556899990001}. */
    public static @Nullable String phoneDigits(@Nullable String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return null;
        }
        if (digits.length() == 11 && digits.charAt(2) == '9') { // national form: DDD + 9 + 8 digits
            digits = "55" + digits;
        } else if (digits.length() == 10) { // national form without the ninth digit, or a landline
            digits = "55" + digits;
        }
        if (digits.startsWith("55") && digits.length() == 13 && digits.charAt(4) == '9') {
            return digits.substring(0, 4) + digits.substring(5);
        }
        return digits;
    }

    private String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
