package br.com.techassist.shipments.phonenumbers;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.ContactValidated.PhoneType;
import br.com.techassist.shipments.model.Phone;
import br.com.techassist.shipments.phonenumbers.NormalizedPhone.Verdict;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BrazilianPhoneNumbersTest {

    /** Real-world inputs: expected verdict, E.164, type and candidate WhatsApp ids (canonical first). */
    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1} {2} {3} [{4}]")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # mobile with the 9, every way people type it
            (43) 99999-0021          | USABLE  | +5543999990021 | MOBILE   | 5543999990021 554399990021
            43 99999-0021            | USABLE  | +5543999990021 | MOBILE   | 5543999990021 554399990021
            43999990021              | USABLE  | +5543999990021 | MOBILE   | 5543999990021 554399990021
            43 9 9999-0021           | USABLE  | +5543999990021 | MOBILE   | 5543999990021 554399990021
            43.99999.0021            | USABLE  | +5543999990021 | MOBILE   | 5543999990021 554399990021
            +55 43 99999-0021        | USABLE  | +5543999990021 | MOBILE   | 5543999990021 554399990021
            +55 (43) 9 9999-0021     | USABLE  | +5543999990021 | MOBILE   | 5543999990021 554399990021
            5543999990021            | USABLE  | +5543999990021 | MOBILE   | 5543999990021 554399990021
            55 43 99999 0021         | USABLE  | +5543999990021 | MOBILE   | 5543999990021 554399990021
            0055 43 99999-0021       | USABLE  | +5543999990021 | MOBILE   | 5543999990021 554399990021
            043 99999-0021           | USABLE  | +5543999990021 | MOBILE   | 5543999990021 554399990021
            (043) 99999-0021         | USABLE  | +5543999990021 | MOBILE   | 5543999990021 554399990021
            0 41 43 99999-0021       | USABLE  | +5543999990021 | MOBILE   | 5543999990021 554399990021
            0xx43 99999-0021         | USABLE  | +5543999990021 | MOBILE   | 5543999990021 554399990021
            '  (11) 98765-4321  '    | USABLE  | +5511987654321 | MOBILE   | 5511987654321 551187654321
            (21) 99876-5432          | USABLE  | +5521998765432 | MOBILE   | 5521998765432 552198765432
            (31) 99876-5432          | USABLE  | +5531998765432 | MOBILE   | 5531998765432 553198765432
            (92) 98123-4567          | USABLE  | +5592981234567 | MOBILE   | 5592981234567 559281234567
            # mobile typed without the 9 (old 8-digit form): the 9 is added, both ids are candidates
            (43) 9999-0021           | USABLE  | +5543999990021 | MOBILE   | 5543999990021 554399990021
            554399990021             | USABLE  | +5543999990021 | MOBILE   | 5543999990021 554399990021
            +55 11 8765-4321         | USABLE  | +5511987654321 | MOBILE   | 5511987654321 551187654321
            11 8765-4321             | USABLE  | +5511987654321 | MOBILE   | 5511987654321 551187654321
            (47) 7812-3456           | USABLE  | +5547978123456 | MOBILE   | 5547978123456 554778123456
            (85) 6123-4567           | USABLE  | +5585961234567 | MOBILE   | 5585961234567 558561234567
            # 7 or 8 after the DDD in an 11-digit number: not a mobile
            (43) 89999-0021          | INVALID | null           | UNKNOWN  | null
            (43) 79999-0021          | INVALID | null           | UNKNOWN  | null
            # landlines of several DDDs: never a 9 added
            (43) 3322-0021           | USABLE  | +554333220021  | LANDLINE | 554333220021
            (11) 3456-7890           | USABLE  | +551134567890  | LANDLINE | 551134567890
            (21) 2555-1234           | USABLE  | +552125551234  | LANDLINE | 552125551234
            61 3333-4444             | USABLE  | +556133334444  | LANDLINE | 556133334444
            +55 51 3211-0000         | USABLE  | +555132110000  | LANDLINE | 555132110000
            (71) 4009-1234           | USABLE  | +557140091234  | LANDLINE | 557140091234
            0 (81) 5555-1212         | USABLE  | +558155551212  | LANDLINE | 558155551212
            # a leading 9 makes a mobile form whatever follows; a stray extra digit does not
            (43) 93322-0021          | USABLE  | +5543933220021 | MOBILE   | 5543933220021 554333220021
            (43) 3 3322-0021         | INVALID | null           | UNKNOWN  | null
            # DDDs that do not exist
            (20) 99999-0021          | INVALID | null           | UNKNOWN  | null
            (26) 3322-0021           | INVALID | null           | UNKNOWN  | null
            (10) 99999-0021          | INVALID | null           | UNKNOWN  | null
            # no DDD, too short, too long
            99999-0021               | INVALID | null           | UNKNOWN  | null
            3322-0021                | INVALID | null           | UNKNOWN  | null
            4399999                  | INVALID | null           | UNKNOWN  | null
            (43) 999999-00211        | INVALID | null           | UNKNOWN  | null
            +55 43 99999-00211       | INVALID | null           | UNKNOWN  | null
            1                        | INVALID | null           | UNKNOWN  | null
            # service numbers are not reachable lines
            0800 123 4567            | INVALID | null           | UNKNOWN  | null
            # foreign numbers
            +1 415 555 2671          | INVALID | null           | UNKNOWN  | null
            +351 912 345 678         | INVALID | null           | UNKNOWN  | null
            +54 9 11 2345-6789       | INVALID | null           | UNKNOWN  | null
            # junk
            abc                      | INVALID | null           | UNKNOWN  | null
            n/a                      | INVALID | null           | UNKNOWN  | null
            (43) 9999-ABCD           | INVALID | null           | UNKNOWN  | null
            ---                      | INVALID | null           | UNKNOWN  | null
            00000000000              | INVALID | null           | UNKNOWN  | null
            # nothing given
            ''                       | MISSING | null           | UNKNOWN  | null
            '   '                    | MISSING | null           | UNKNOWN  | null
            null                     | MISSING | null           | UNKNOWN  | null
            """)
    void readsRealWorldInputs(String input, Verdict verdict, String e164, PhoneType type, String candidates) {
        NormalizedPhone phone = BrazilianPhoneNumbers.normalize(input);

        assertThat(phone.verdict()).as("verdict of '%s' (%s)", input, phone.problem()).isEqualTo(verdict);
        assertThat(phone.e164()).isEqualTo(e164);
        assertThat(phone.type()).isEqualTo(type);
        assertThat(phone.candidates()).isEqualTo(candidates == null ? List.of() : Arrays.asList(candidates.split(" ")));
        if (verdict == Verdict.USABLE) {
            assertThat(phone.problem()).isNull();
            assertThat(phone.e164Digits()).isEqualTo(phone.candidates().getFirst());
        } else {
            assertThat(phone.problem()).isNotBlank();
        }
    }

    /** The id the customer typed decides VALID versus CORRECTED later on. */
    @ParameterizedTest(name = "''{0}'' was typed as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            (43) 99999-0021   | 5543999990021
            (43) 9999-0021    | 554399990021
            +55 43 9999-0021  | 554399990021
            (43) 3322-0021    | 554333220021
            """)
    void remembersTheIdAsTyped(String input, String typedId) {
        assertThat(BrazilianPhoneNumbers.normalize(input).typedId()).isEqualTo(typedId);
    }

    /** {@code ShipmentRegistered} carries the DDD and the local number separately, as people filled them. */
    @ParameterizedTest(name = "''{0}'' + ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            43     | 99999-0021          | +5543999990021
            (43)   | 99999-0021          | +5543999990021
            043    | 9999-0021           | +5543999990021
            43     | (43) 99999-0021     | +5543999990021
            43     | +55 43 99999-0021   | +5543999990021
            11     | 43 99999-0021       | +5543999990021
            null   | (43) 3322-0021      | +554333220021
            ''     | 43 3322-0021        | +554333220021
            43     | null                | null
            43     | ''                  | null
            null   | 99999-0021          | null
            """)
    void joinsAreaCodeAndNumber(String areaCode, String number, String e164) {
        assertThat(BrazilianPhoneNumbers.normalize(new Phone(areaCode, number)).e164()).isEqualTo(e164);
    }
}
