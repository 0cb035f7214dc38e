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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cannot reach +55 43 99999-0021 for DG049186226BR | cannot reach +55 43 9****-0021 for DG049186226BR",
        "phone (43) 99999-0021 invalid                    | phone (43) 9****-0021 invalid",
        "to 5543999990021: 400                            | to +55 43 9****-0021: 400",
        "local 9999-0021 busy                             | local 9***-0021 busy",
        "reply to Maria.Silva+x@example.com.br now        | reply to M****@example.com.br now",
        "CPF 529.982.247-25 rejected                      | CPF ***.***.***-** rejected",
        "CPF 52998224725 rejected                         | CPF *********** rejected",
        "CNPJ 11.222.333/0001-81 rejected                 | CNPJ **.***.***/****-** rejected",
        "CNPJ 11222333000181 rejected                     | CNPJ ************** rejected"
    })
    void freeTextHasPhonesEmailsAndDocumentsMaskedAndKeepsItsWords(String raw, String masked) {
        assertThat(Masking.freeText(raw)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "never processable: 550e8400-e29b-41d4-a716-446655440000 on DG049186226BR",
        "shipments.alerts.v1-0@1234567 failed at 2026-11-27 10:15:00",
        "broker 192.168.100.200:9092 is away; order 1234567 of 12 items",
        "at br.com.techassist.Foo.bar(Foo.java:123)"
    })
    void freeTextLeavesIdsCodesDatesAddressesAndShortNumbersAlone(String raw) {
        assertThat(Masking.freeText(raw)).isEqualTo(raw);
    }
}
