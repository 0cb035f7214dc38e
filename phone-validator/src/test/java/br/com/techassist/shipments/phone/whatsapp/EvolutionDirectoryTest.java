package br.com.techassist.shipments.phone.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.techassist.shipments.phone.whatsapp.EvolutionDirectory.OnWhatsApp;
import br.com.techassist.shipments.phone.whatsapp.WhatsAppDirectory.NumberCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvolutionDirectoryTest {

    @Test
    void answersAreMatchedByTheEchoedNumberAndTheIdIsTheUserPartOfTheJid() {
        var answers = List.of(
                new OnWhatsApp("554399990021@s.whatsapp.net", true, "554399990021", "Maria", null),
                new OnWhatsApp("5543999990021@s.whatsapp.net", false, "5543999990021", null, null));

        assertThat(EvolutionDirectory.match(List.of("5543999990021", "554399990021"), answers)).containsExactly(
                new NumberCheck("5543999990021", null),
                new NumberCheck("554399990021", "554399990021"));
    }

    @Test
    void anExistingNumberAnsweredUnderTheOtherFormKeepsTheReturnedJid() {
        var answers = List.of(new OnWhatsApp("553198765432@s.whatsapp.net", true, "5531998765432", null, "123@lid"));

        assertThat(EvolutionDirectory.match(List.of("5531998765432"), answers))
                .containsExactly(new NumberCheck("5531998765432", "553198765432"));
    }

    @Test
    void answersWithoutAnEchoedNumberAreMatchedByPosition() {
        var answers = List.of(new OnWhatsApp("5511987654321@s.whatsapp.net", true, null, null, null),
                new OnWhatsApp(null, false, null, null, null));

        assertThat(EvolutionDirectory.match(List.of("5511987654321", "551187654321"), answers)).containsExactly(
                new NumberCheck("5511987654321", "5511987654321"),
                new NumberCheck("551187654321", null));
    }

    @Test
    void anIncompleteAnswerIsAFailureNotANoWhatsapp() {
        var answers = List.of(new OnWhatsApp("5511987654321@s.whatsapp.net", true, "5511987654321", null, null));

        assertThatThrownBy(() -> EvolutionDirectory.match(List.of("5511987654321", "551187654321"), answers))
                .isInstanceOf(ProviderUnavailableException.class);
    }
}
