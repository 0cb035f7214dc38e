package br.com.techassist.shipments.standalone;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the standalone app reads from the environment. Correios and WhatsApp credentials decide
 * between the real APIs and the sandbox; everything else has a demo-friendly default.
 *
 * @param sandbox true when no Correios credentials are set: the sandbox fakes both APIs
 * @param kafkaBootstrapServers an external Kafka, or null to start one in-process
 * @param mysqlUrl an external MySQL server (one database per service is created on it), or null for H2 files
 * @param dataDir where the H2 files live
 * @param externalSandboxUrl a sandbox already running elsewhere ({@code SANDBOX_URL}), or null to start one here
 * @param sandboxPort port of the sandbox started here
 * @param parcels demo parcels the sandbox generates
 * @param clockSpeed simulated seconds per real second in the sandbox
 * @param portBase the services listen on portBase+1 … portBase+4
 * @param ingestInterval how often pre-postings are pulled from the sandbox ({@code INGEST_INTERVAL})
 * @param mysqlUsername a user of {@code mysqlUrl}'s server who may create databases ({@code MYSQL_USERNAME}, default root)
 * @param mysqlPassword its password ({@code MYSQL_PASSWORD}, default empty)
 */
record StandaloneSettings(
        boolean sandbox,
        String kafkaBootstrapServers,
        String mysqlUrl,
        Path dataDir,
        String externalSandboxUrl,
        int sandboxPort,
        int parcels,
        double clockSpeed,
        int portBase,
        String ingestInterval,
        String mysqlUsername,
        String mysqlPassword) {

    /** Settings whose MySQL credentials are {@code MYSQL_USERNAME} and {@code MYSQL_PASSWORD} of this process. */
    StandaloneSettings(boolean sandbox, String kafkaBootstrapServers, String mysqlUrl, Path dataDir,
            String externalSandboxUrl, int sandboxPort, int parcels, double clockSpeed, int portBase, String ingestInterval) {
        this(sandbox, kafkaBootstrapServers, mysqlUrl, dataDir, externalSandboxUrl, sandboxPort, parcels, clockSpeed,
                portBase, ingestInterval, System.getenv().getOrDefault("MYSQL_USERNAME", "root"),
                System.getenv().getOrDefault("MYSQL_PASSWORD", ""));
    }

    static StandaloneSettings from(Map<String, String> env) {
        boolean credentials = present(env.get("CORREIOS_USERNAME")) && present(env.get("CORREIOS_ACCESS_CODE"));
        return new StandaloneSettings(
                !credentials,
                blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                blankToNull(env.get("MYSQL_URL")),
                Path.of(env.getOrDefault("STANDALONE_DATA_DIR", "data")).toAbsolutePath(),
                blankToNull(env.get("SANDBOX_URL")),
                Integer.parseInt(env.getOrDefault("SANDBOX_PORT", "8090")),
                Integer.parseInt(env.getOrDefault("SANDBOX_PARCELS", "30")),
                Double.parseDouble(env.getOrDefault("SANDBOX_CLOCK_SPEED", "1440")),
                Integer.parseInt(env.getOrDefault("STANDALONE_PORT_BASE", "8080")),
                env.getOrDefault("INGEST_INTERVAL", "PT5S"),
                env.getOrDefault("MYSQL_USERNAME", "root"),
                env.getOrDefault("MYSQL_PASSWORD", ""));
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "StandaloneSettings[sandbox=" + sandbox + ", kafka=" + kafkaBootstrapServers + ", mysql=" + mysqlUrl
                + " as " + mysqlUsername + ", dataDir=" + dataDir + ", sandboxUrl=" + sandboxUrl() + ", parcels=" + parcels
                + ", clockSpeed=" + clockSpeed + ", portBase=" + portBase + ", ingestInterval=" + ingestInterval + "]";
    }

    String sandboxUrl() {
        return externalSandboxUrl != null ? externalSandboxUrl : "http://localhost:" + sandboxPort;
    }

    /** Whether this JVM runs the sandbox itself. */
    boolean startsSandbox() {
        return sandbox && externalSandboxUrl == null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return present(value) ? value.strip() : null;
    }
}
