package br.com.techassist.shipments.support.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataKeysTest {

    private final PersonalDataKeys keys = new PersonalDataKeys("a-secret-for-tests");

    @Test
    void aMobileIsTheSameWithOrWithoutItsNinthDigitInNationalOrInternationalForm() {
        String key = keys.phone("+55 (68) 99999-0001").orElseThrow();

        assertThat(keys.phone("5568999990001")).contains(key);
        assertThat(keys.phone("556899990001")).as("without the ninth digit").contains(key);
        assertThat(keys.phone("(68) 99999-0001")).as("national form").contains(key);
        assertThat(keys.phone("68 9999-0001")).as("national, without the ninth digit").contains(key);
        assertThat(PersonalDataKeys.phoneDigits("+55 (68) 99999-0001")).isEqualTo("556899990001");
    }

    @Test
    void anotherNumberHasAnotherKey() {
        assertThat(keys.phone("+55 68 99999-0002")).isNotEqualTo(keys.phone("+55 68 99999-0001"));
        assertThat(keys.phone("+55 11 99999-0001")).isNotEqualTo(keys.phone("+55 68 99999-0001"));
    }

    @Test
    void anEmailIgnoresCaseAndSurroundingBlanks() {
        assertThat(keys.email(" Maria.Silva@Example.COM ")).isEqualTo(keys.email("maria.silva@example.com"));
        assertThat(keys.email("maria.silva@example.com")).isNotEqualTo(keys.email("maria.souza@example.com"));
    }

    @Test
    void aDocumentIgnoresItsPunctuation() {
        assertThat(keys.document("529.982.247-25")).isEqualTo(keys.document("52998224725")).isPresent();
        assertThat(keys.document("11.222.333/0001-81")).isEqualTo(keys.document("11222333000181")).isPresent();
        assertThat(keys.document("529.982.247-25")).isNotEqualTo(keys.document("11.222.333/0001-81"));
        assertThat(keys.document("1234")).as("neither CPF nor CNPJ").isEmpty();
    }

    @Test
    void theSameDataUnderDifferentKindsGivesDifferentKeys() {
        assertThat(keys.phone("52998224725")).isNotEqualTo(keys.document("52998224725"));
    }

    @Test
    void anotherSecretGivesOtherKeys() {
        var other = new PersonalDataKeys("another-secret");

        assertThat(other.phone("+55 68 99999-0001")).isNotEqualTo(keys.phone("+55 68 99999-0001"));
        assertThat(other.email("maria@example.com")).isNotEqualTo(keys.email("maria@example.com"));
        assertThat(other.document("529.982.247-25")).isNotEqualTo(keys.document("529.982.247-25"));
    }

    @Test
    void withoutASecretTheBuiltInKeyIsUsed() {
        assertThat(new PersonalDataKeys(null).phone("+55 68 99999-0001"))
                .isEqualTo(new PersonalDataKeys(" ").phone("+55 68 99999-0001"))
                .isEqualTo(new PersonalDataKeys(PersonalDataKeys.BUILT_IN_KEY).phone("+55 68 99999-0001"))
                .isNotEqualTo(keys.phone("+55 68 99999-0001"));
    }

    @Test
    void nothingToKeyGivesNoKey() {
        assertThat(keys.phone(null)).isEmpty();
        assertThat(keys.phone("no digits")).isEmpty();
        assertThat(keys.email("  ")).isEmpty();
        assertThat(keys.document(null)).isEmpty();
    }
}
