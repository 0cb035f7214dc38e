package br.com.techassist.shipments.sandbox.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WhatsAppDirectoryTest {

    private final WhatsAppDirectory directory = new WhatsAppDirectory();

    @Test
    void resolvesEitherNinthDigitFormOfAMobileButOnlyTheExactLandline() {
        directory.register("559291234567", "Old account", false);
        directory.register("5568987654321", "New account", false);
        directory.register("556832234567", "Loja", true);

        assertThat(directory.resolve("+55 (92) 99123-4567")).get().extracting(WhatsAppDirectory.Account::waId)
                .isEqualTo("559291234567");
        assertThat(directory.exact("5592991234567")).isEmpty();
        assertThat(directory.resolve("556887654321")).get().extracting(WhatsAppDirectory.Account::waId)
                .isEqualTo("5568987654321");
        assertThat(directory.resolve("(68) 3223-4567")).get().extracting(WhatsAppDirectory.Account::business)
                .isEqualTo(true);
        assertThat(directory.resolve("5568932234567")).isEmpty();
        assertThat(directory.resolve("5511999999999")).isEmpty();
    }

    @Test
    void normalisesJidsAndNationalNumbers() {
        assertThat(WhatsAppDirectory.normalize("559291234567@s.whatsapp.net")).isEqualTo("559291234567");
        assertThat(WhatsAppDirectory.normalize("(92) 99123-4567")).isEqualTo("5592991234567");
    }

    @Test
    void signsWebhookBodiesWithHmacSha256OfTheRawBytes() {
        byte[] body = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

        assertThat(StatusWebhooks.sign(body, "key"))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }
}
