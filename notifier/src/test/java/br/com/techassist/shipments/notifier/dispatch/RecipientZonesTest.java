package br.com.techassist.shipments.notifier.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecipientZonesTest {

    @ParameterizedTest
    @CsvSource({
        "5568999990001, America/Rio_Branco",
        "556899990001, America/Rio_Branco",
        "+55 92 98888-0001, America/Manaus",
        "5597988880001, America/Manaus",
        "5565988880001, America/Cuiaba",
        "5566988880001, America/Cuiaba",
        "5567988880001, America/Campo_Grande",
        "5569988880001, America/Porto_Velho",
        "5595988880001, America/Boa_Vista",
        "5511988880001, America/Sao_Paulo",
        "5581988880001, America/Sao_Paulo",
        "68999990001, America/Rio_Branco"
    })
    void theDddGivesTheRecipientsTimeZone(String phone, String zone) {
        assertThat(RecipientZones.of(phone)).isEqualTo(ZoneId.of(zone));
    }

    @Test
    void unknownNumbersUseBrasiliaTime() {
        assertThat(RecipientZones.of(null)).isEqualTo(RecipientZones.BRASILIA);
        assertThat(RecipientZones.of("14155550100")).isEqualTo(RecipientZones.BRASILIA);
    }
}
