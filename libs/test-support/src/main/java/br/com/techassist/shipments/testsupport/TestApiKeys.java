package br.com.techassist.shipments.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * API keys every {@link IntegrationTest} context accepts (set as {@code shipments.security.api-keys},
 * i.e. {@code API_KEYS}): one per role. Send one with {@code .header("Authorization", TestApiKeys.OPERATOR)}.
 */
public final class TestApiKeys {

    /** {@code Authorization} header values, one per role. */
    public static final String INTEGRATION = "Bearer test-integration-key";
    public static final String OPERATOR = "Bearer test-operator-key";
    public static final String AUDITOR = "Bearer test-auditor-key";

    /** The key names (the audit trail's "who"). */
    public static final String INTEGRATION_NAME = "test-integration";
    public static final String OPERATOR_NAME = "test-operator";
    public static final String AUDITOR_NAME = "test-auditor";

    private TestApiKeys() {}

    /** The {@code API_KEYS} value with the three keys, as SHA-256 hashes. */
    public static String apiKeys() {
        return entry(INTEGRATION_NAME, "integration", INTEGRATION) + "," + entry(OPERATOR_NAME, "operator", OPERATOR)
                + "," + entry(AUDITOR_NAME, "auditor", AUDITOR);
    }

    private static String entry(String name, String role, String header) {
        return name + ":" + role + ":{sha256}" + sha256Hex(header.substring("Bearer ".length()));
    }

    private static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
