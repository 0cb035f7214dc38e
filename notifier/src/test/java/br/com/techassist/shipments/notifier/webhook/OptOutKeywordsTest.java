package br.com.techassist.shipments.notifier.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OptOutKeywordsTest {

    @ParameterizedTest
    @CsvSource({"SAIR, SAIR", "sair, SAIR", "Parar, PARAR", "stop!, STOP", "  Cancelar.  , CANCELAR", "PÁRAR, PARAR", "sáir, SAIR"})
    void keywordsInAnyCaseWithAccentsOrPunctuation(String text, String keyword) {
        assertThat(OptOutKeywords.match(text)).contains(keyword);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "obrigado", "quero sair do grupo", "não pare", "stopped"})
    void otherMessagesAreNotOptOuts(String text) {
        assertThat(OptOutKeywords.match(text)).isEmpty();
    }
}
