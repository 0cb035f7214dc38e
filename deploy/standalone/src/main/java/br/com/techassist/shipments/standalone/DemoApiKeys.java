package br.com.techassist.shipments.standalone;

import br.com.techassist.shipments.support.security.ApiKey;
import br.com.techassist.shipments.support.security.ApiRoles;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The API keys of the demo: unless {@code API_KEYS} is set, an operator and an integration key are
 * generated at each start; the services get only their SHA-256 hashes ({@code API_KEYS}), the keys
 * themselves are printed once in the {@link Banner} and kept nowhere else.
 */
record DemoApiKeys(@Nullable String operator, @Nullable String integration, String apiKeys) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static DemoApiKeys from(@Nullable String configured) {
        if (configured != null && !configured.isBlank()) {
            return new DemoApiKeys(null, null, configured);
        }
        String operator = newKey();
        String integration = newKey();
        return new DemoApiKeys(operator, integration, ApiKey.entry("demo-operator", ApiRoles.OPERATOR, operator) + ","
                + ApiKey.entry("demo-integration", ApiRoles.INTEGRATION, integration));
    }

    /** Whether the keys were generated here (and so are to be printed). */
    boolean generated() {
        return operator != null;
    }

    /** The services' argument: the hashes, never the keys. */
    List<String> arguments() {
        return List.of("--API_KEYS=" + apiKeys);
    }

    private static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "demo_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DemoApiKeys[" + (generated() ? "generated" : "from API_KEYS") + "]";
    }
}
