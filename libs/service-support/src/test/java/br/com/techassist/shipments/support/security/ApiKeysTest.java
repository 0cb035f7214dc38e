package br.com.techassist.shipments.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class ApiKeysTest {

    @Test
    void aKeyMatchesItsSha256OrBcryptHashAndNothingElse() {
        String bcrypt = new BCryptPasswordEncoder(4).encode("ops-key");
        ApiKeys keys = ApiKeys.parse(ApiKey.entry("crm", "integration", "crm-key") + ", ops:operator:{bcrypt}" + bcrypt);

        assertThat(keys.all()).extracting(ApiKey::toString).containsExactly("crm:integration", "ops:operator");
        assertThat(keys.find("crm-key")).map(ApiKey::name).contains("crm");
        assertThat(keys.find("ops-key")).map(ApiKey::role).contains("operator");
        assertThat(keys.find("crm-key ")).isEmpty();
        assertThat(keys.find("")).isEmpty();
    }

    @Test
    void noKeysIsAllowedAndAcceptsNothing() {
        assertThat(ApiKeys.parse("").all()).isEmpty();
        assertThat(ApiKeys.parse(" ").find("anything")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            crm-key                                        | API_KEYS entry 1 is not name:role:hash
            crm:admin:{sha256}9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 | API_KEYS entry 1 (crm): the role must be one of [integration, operator, auditor]
            crm:integration:crm-key                        | API_KEYS entry 1 (crm): the hash must start with {sha256} or {bcrypt}
            crm:integration:{sha256}abc                    | API_KEYS entry 1 (crm): {sha256} must be followed by 64 hex digits
            crm:integration:{bcrypt}nope                   | API_KEYS entry 1 (crm): {bcrypt} must be followed by a bcrypt hash
            cr m:integration:{sha256}abc                   | API_KEYS entry 1: the name must be
            """)
    void aBadEntryStopsTheStartWithAMessageNamingItButNeverItsValue(String value, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> ApiKeys.parse(value))
                .withMessageStartingWith(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("crm-key", "abc", "nope"));
    }

    @Test
    void aNameUsedTwiceIsRefused() {
        String twice = ApiKey.entry("crm", "integration", "a") + "," + ApiKey.entry("crm", "operator", "b");
        assertThatIllegalArgumentException().isThrownBy(() -> ApiKeys.parse(twice))
                .withMessage("API_KEYS entry 2 (crm): the name is used twice");
    }
}
