package br.com.techassist.shipments.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The check digit and format rules of correios-api.md §5, with the reference's own examples. */
class TrackingCodeTest {

    @ParameterizedTest(name = "{0} is valid (check digit {1})")
    @CsvSource({
        "DG049186226BR, 6", // official manual example
        "DG049186230BR, 0", // r = 1 → DV 0
        "DG049186212BR, 2",
        "AM101610575BR, 5", // r = 0 → DV 5
        "YJ460348417BR, 7",
        "QN242960622BR, 2",
        "AA123456785BR, 5" // test vector
    })
    void acceptsTheSevenReferenceCodes(String code, int digit) {
        assertThat(TrackingCode.checkDigit(code.substring(2, 10))).isEqualTo(digit);
        assertThat(new TrackingCode(code).value()).isEqualTo(code);
        assertThat(TrackingCode.parse(code)).hasToString(code);
        assertThat(TrackingCode.isValid(code)).isTrue();
    }

    @ParameterizedTest(name = "{0} with a wrong check digit is rejected")
    @ValueSource(
            strings = {"DG049186226BR", "DG049186230BR", "DG049186212BR", "AM101610575BR", "YJ460348417BR",
                "QN242960622BR", "AA123456785BR"})
    void rejectsEachReferenceCodeWithAWrongCheckDigit(String valid) {
        int right = Character.digit(valid.charAt(10), 10);
        String wrong = valid.substring(0, 10) + ((right + 1) % 10) + valid.substring(11);

        assertThat(TrackingCode.isValid(wrong)).isFalse();
        assertThatThrownBy(() -> TrackingCode.parse(wrong))
                .isInstanceOf(InvalidTrackingCodeException.class)
                .hasMessageContaining(wrong)
                .hasMessageContaining("check digit " + ((right + 1) % 10))
                .hasMessageContaining("calls for " + right);
    }

    @ParameterizedTest(name = "{0} fails the check digit (its DV would be {1})")
    @CsvSource({"AA000000000BR, 5", "BR123456789BR, 5"})
    void rejectsTheProbesTheReferenceNames(String code, int expected) {
        assertThat(TrackingCode.isValid(code)).isFalse();
        assertThatThrownBy(() -> new TrackingCode(code))
                .isInstanceOf(InvalidTrackingCodeException.class)
                .hasMessageContaining("calls for " + expected);
    }

    @ParameterizedTest(name = "''{0}'' is malformed")
    @ValueSource(
            strings = {
                "DG04918622BR", // 12 characters
                "DG0491862266BR", // 14 characters
                "D1049186226BR", // digit in the service letters
                "DG04918622XBR", // letter as check digit
                "DG049186226B1", // digit in the country
                "DG 049186226BR", // blank inside
                "DG-049186226-BR"
            })
    void rejectsMalformedCodesSayingWhichFormatIsExpected(String code) {
        assertThat(TrackingCode.isValid(code)).isFalse();
        assertThatThrownBy(() -> TrackingCode.parse(code))
                .isInstanceOf(InvalidTrackingCodeException.class)
                .hasMessageContaining("does not match the format AA000000000AA");
    }

    @Test
    void parseAcceptsLowerCaseAndSurroundingBlanks() {
        assertThat(TrackingCode.parse("  dg049186226br\t").value()).isEqualTo("DG049186226BR");
        assertThat(TrackingCode.isValid(" Am101610575Br ")).isTrue();
    }

    @Test
    void theConstructorTakesOnlyTheCanonicalForm() {
        assertThatThrownBy(() -> new TrackingCode("dg049186226br"))
                .isInstanceOf(InvalidTrackingCodeException.class)
                .hasMessageContaining("format");
        assertThatThrownBy(() -> new TrackingCode(" DG049186226BR"))
                .isInstanceOf(InvalidTrackingCodeException.class);
    }

    @ParameterizedTest(name = "''{0}'' is missing")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void parseSaysWhenTheCodeIsMissing(String raw) {
        assertThat(TrackingCode.isValid(raw)).isFalse();
        assertThatThrownBy(() -> TrackingCode.parse(raw))
                .isInstanceOf(InvalidTrackingCodeException.class)
                .hasMessage("tracking code is missing");
    }

    @Test
    void theConstructorRejectsNull() {
        assertThatNullPointerException()
                .isThrownBy(() -> new TrackingCode(null))
                .withMessage("tracking code must not be null");
    }

    @Test
    void checkDigitRejectsASerialThatIsNotEightDigits() {
        assertThatThrownBy(() -> TrackingCode.checkDigit("1234567"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8 digits");
        assertThatThrownBy(() -> TrackingCode.checkDigit("1234567X"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8 digits");
    }

    @Test
    void codesMadeWithCheckDigitAreValid() {
        for (String serial : new String[] {"00000000", "12345678", "99999999", "04918622", "10161057"}) {
            String code = "QA" + serial + TrackingCode.checkDigit(serial) + "BR";
            assertThat(TrackingCode.isValid(code)).as(code).isTrue();
        }
    }

    @Test
    void equalCodesAreEqualValues() {
        assertThat(TrackingCode.parse("dg049186226br")).isEqualTo(new TrackingCode("DG049186226BR"));
    }
}
