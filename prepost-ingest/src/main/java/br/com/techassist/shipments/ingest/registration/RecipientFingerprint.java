package br.com.techassist.shipments.ingest.registration;

import br.com.techassist.shipments.model.Phone;
import br.com.techassist.shipments.model.Recipient;
import br.com.techassist.shipments.phonenumbers.BrazilianPhoneNumbers;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Who a registration is for, as a hash (no personal data stored in clear): the name without case,
 * accents and extra spaces, and the canonical numbers of its phones (so {@code 43 9999-0021} and
 * {@code (43) 99999-0021} are the same recipient). Two registrations of a code with different
 * fingerprints describe different recipients.
 */
final class RecipientFingerprint {

    private RecipientFingerprint() {}

    static String of(Recipient recipient) {
        StringBuilder text = new StringBuilder(name(recipient.name()));
        TreeSet<String> phones = new TreeSet<>();
        add(phones, recipient.mobile());
        add(phones, recipient.landline());
        phones.forEach(p -> text.append('|').append(p));
        return Sha256.hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String name(@Nullable String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static void add(TreeSet<String> phones, @Nullable Phone phone) {
        if (phone == null) {
            return;
        }
        var normalized = BrazilianPhoneNumbers.normalize(phone);
        if (normalized.isUsable()) {
            phones.add(normalized.e164());
        } else if (phone.number() != null) {
            phones.add(phone.number().replaceAll("\\D", ""));
        }
    }
}
