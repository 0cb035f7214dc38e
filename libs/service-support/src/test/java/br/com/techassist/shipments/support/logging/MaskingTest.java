package br.com.techassist.shipments.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "+5543999990021   | +55 43 9****-0021",
        "5543999990021    | +55 43 9****-0021",
        "554399990021     | +55 43 9***-0021",
        "(43) 99999-0021  | (43) 9****-0021",
        "4333220004       | (43) 3***-0004",
        "+1 415 555 2671  | 1******-2671",
        "123              | ***",
        "NULL             | -",
        "'   '            | -"
    })
    void phoneNumbersKeepOnlyCountryAreaFirstAndLastFourDigits(String raw, String masked) {
        assertThat(Masking.phone(raw)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "Maria da Silva | M**** d* S****",
        "Jo             | J*",
        "A              | A*",
        "NULL           | -"
    })
    void namesKeepOnlyInitials(String raw, String masked) {
        assertThat(Masking.name(raw)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "maria@example.com | m****@example.com",
        "a@b.co            | a****@b.co",
        "no-at-sign        | ********",
        "NULL              | -"
    })
    void emailsKeepTheFirstLetterAndTheDomain(String raw, String masked) {
        assertThat(Masking.email(raw)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "OS 1234 - ligar para Maria | *(26 characters)",
        "NULL                       | -"
    })
    void freeTextKeepsOnlyItsLength(String raw, String masked) {
        assertThat(Masking.text(raw)).isEqualTo(masked);
    }
}
