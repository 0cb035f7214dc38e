package br.com.techassist.shipments.phone.contact;

import br.com.techassist.shipments.model.ContactValidated.PhoneType;
import br.com.techassist.shipments.phonenumbers.NormalizedPhone;
import br.com.techassist.shipments.phonenumbers.NormalizedPhone.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * The recipient phone of one parcel as this service keeps it ({@code contact} table).
 *
 * @param status {@link #PENDING} while the provider has not answered, else a {@code ContactStatus} name
 * @param freshCheck ask the provider even if the cache knows the number (operator corrections)
 * @param revision bumped by every change, so a late provider answer never overwrites a correction
 * @param erasedAt when its personal data (the phone, the WhatsApp id) was erased (LGPD); null while it is held.
 *     An erased contact keeps its status and timestamps, is never checked, corrected or published again
 */
record Contact(
        String trackingCode,
        Verdict verdict,
        String input,
        String e164,
        PhoneType phoneType,
        List<String> candidates,
        String typedId,
        String status,
        String whatsappId,
        boolean freshCheck,
        int revision,
        int attempts,
        String lastError,
        Instant erasedAt) {

    static final String PENDING = "PENDING";
    /** The status of a contact erased before it was settled (or before its registration arrived). */
    static final String ERASED = "ERASED";

    Contact {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** A new contact from a phone just read; its status is {@link #PENDING} until settled. */
    static Contact of(String trackingCode, NormalizedPhone phone, boolean freshCheck, int revision) {
        return new Contact(trackingCode, phone.verdict(), phone.input(), phone.e164(), phone.type(), phone.candidates(),
                phone.typedId(), PENDING, null, freshCheck, revision, 0, null, null);
    }

    /** The canonical number as digits only, the key of the lookup cache. */
    String e164Digits() {
        return e164 == null ? null : e164.substring(1);
    }

    boolean isPending() {
        return PENDING.equals(status);
    }

    boolean isErased() {
        return erasedAt != null;
    }
}
