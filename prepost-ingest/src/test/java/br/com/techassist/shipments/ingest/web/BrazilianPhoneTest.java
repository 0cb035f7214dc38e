package br.com.techassist.shipments.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.Phone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BrazilianPhoneTest {

    @ParameterizedTest(name = "{0} -> {1} {2}, mobile {3}")
    @CsvSource(delimiter = '|', textBlock = """
            (43) 99999-0021     | 43 | 999990021 | true
            +55 43 99999-0021   | 43 | 999990021 | true
            5543999990021       | 43 | 999990021 | true
            43 3333-4444        | 43 | 33334444  | false
            +55 (43) 3333-4444  | 43 | 33334444  | false
            043 3333-4444       | 43 | 33334444  | false
            43 8888-7777        | 43 | 88887777  | true
            """)
    void readsDddAndNumberAndTellsMobilesFromLandlines(String raw, String ddd, String number, boolean mobile) {
        assertThat(BrazilianPhone.parse(raw)).isEqualTo(new BrazilianPhone(new Phone(ddd, number), mobile));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "999990021", "4309999002", "43899990021", "00999990021", "4310000000", "+1 415 555 0100"})
    void refusesWhatIsNotABrazilianNumberWithDdd(String raw) {
        assertThat(BrazilianPhone.parse(raw)).isNull();
    }
}
