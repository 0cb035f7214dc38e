package br.com.techassist.shipments.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.support.security.ApiKey;
import br.com.techassist.shipments.support.security.ApiKeys;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoApiKeysTest {

    private final StandaloneSettings settings = new StandaloneSettings(true, null, null, Path.of("data"),
            "http://localhost:8090", 8090, 30, 1440, 8080, "PT5S");

    @Test
    void generatedKeysReachTheServicesOnlyAsHashesAndThePrintedCurlLinesCarryThem() {
        DemoApiKeys keys = DemoApiKeys.from(null);

        assertThat(keys.generated()).isTrue();
        assertThat(keys.operator()).isNotEqualTo(keys.integration()).startsWith("demo_");
        String apiKeys = keys.arguments().getFirst();
        assertThat(apiKeys).startsWith("--API_KEYS=").doesNotContain(keys.operator(), keys.integration());
        assertThat(ApiKeys.parse(apiKeys.substring("--API_KEYS=".length())).all()).containsExactly(
                new ApiKey("demo-operator", "operator", ApiKey.entry("x", "operator", keys.operator()).substring(11)),
                new ApiKey("demo-integration", "integration",
                        ApiKey.entry("x", "integration", keys.integration()).substring(14)));
        assertThat(keys.toString()).doesNotContain(keys.operator());

        String banner = new Banner(settings, "localhost:9092", keys).text(1);
        assertThat(banner).contains("curl -i -H 'Authorization: Bearer " + keys.integration() + "'")
                .contains("http://localhost:8081/api/shipments")
                .contains("curl -H 'Authorization: Bearer " + keys.operator() + "' http://localhost:8083/api/contacts/");
    }

    @Test
    void keysFromApiKeysAreUsedAsGivenAndNotPrinted() {
        String given = ApiKey.entry("crm", "integration", "secret-key");
        DemoApiKeys keys = DemoApiKeys.from(given);

        assertThat(keys.generated()).isFalse();
        assertThat(keys.arguments()).containsExactly("--API_KEYS=" + given);
        assertThat(new Banner(settings, "localhost:9092", keys).text(1)).contains("API keys:         from API_KEYS")
                .doesNotContain("Bearer");
    }
}
