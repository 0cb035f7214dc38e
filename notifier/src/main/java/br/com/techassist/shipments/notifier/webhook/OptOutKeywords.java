package br.com.techassist.shipments.notifier.webhook;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** SAIR, PARAR, STOP or CANCELAR as the whole message, in any case, accents and punctuation ignored. */
final class OptOutKeywords {

    private static final Set<String> KEYWORDS = Set.of("SAIR", "PARAR", "STOP", "CANCELAR");

    private OptOutKeywords() {}

    static Optional<String> match(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip()
                .toUpperCase(Locale.ROOT);
        return KEYWORDS.contains(plain) ? Optional.of(plain) : Optional.empty();
    }
}
