package br.com.techassist.shipments.phonenumbers;

import br.com.techassist.shipments.model.ContactValidated.PhoneType;
import java.util.List;

/**
 * A phone as typed, read as a Brazilian number.
 *
 * @param verdict whether the number can be used
 * @param input what the customer typed (trimmed), null when nothing was given
 * @param e164 the canonical number ({@code +5543999990021}; a mobile always with the ninth digit), null unless usable
 * @param type mobile or landline, {@link PhoneType#UNKNOWN} unless usable
 * @param candidates the WhatsApp ids to ask the provider about, digits only, the canonical form first
 * @param typedId the id exactly as the customer typed it (country code added), null unless usable
 * @param problem why the number cannot be used, for operators and the 400 answer; null when usable
 */
public record NormalizedPhone(
        Verdict verdict,
        String input,
        String e164,
        PhoneType type,
        List<String> candidates,
        String typedId,
        String problem) {

    public NormalizedPhone {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** Whether a number can be used at all. */
    public enum Verdict {
        USABLE,
        INVALID,
        MISSING
    }

    static NormalizedPhone missing() {
        return new NormalizedPhone(Verdict.MISSING, null, null, PhoneType.UNKNOWN, List.of(), null, "no phone was given");
    }

    static NormalizedPhone invalid(String input, String problem) {
        return new NormalizedPhone(Verdict.INVALID, input, null, PhoneType.UNKNOWN, List.of(), null, problem);
    }

    static NormalizedPhone usable(String input, String canonicalDigits, PhoneType type, List<String> candidates,
            String typedId) {
        return new NormalizedPhone(Verdict.USABLE, input, "+" + canonicalDigits, type, candidates, typedId, null);
    }

    public boolean isUsable() {
        return verdict == Verdict.USABLE;
    }

    /** The canonical number as digits only ({@code 5543999990021}), the key of the lookup cache. */
    public String e164Digits() {
        return e164 == null ? null : e164.substring(1);
    }
}
