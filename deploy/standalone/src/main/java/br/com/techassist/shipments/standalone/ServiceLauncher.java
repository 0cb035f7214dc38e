package br.com.techassist.shipments.standalone;

import br.com.techassist.shipments.ingest.IngestApplication;
import br.com.techassist.shipments.notifier.NotifierApplication;
import br.com.techassist.shipments.phone.PhoneValidatorApplication;
import br.com.techassist.shipments.sandbox.SandboxApplication;
import br.com.techassist.shipments.support.H2Database;
import br.com.techassist.shipments.tracking.TrackingApplication;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts each service in its own Spring context with the arguments the standalone mode needs. The
 * contract's environment variable names are passed as properties, so the services' own
 * {@code ${VARIABLE:default}} placeholders pick them up exactly as in a container.
 */
final class ServiceLauncher {

    /** The four services, in start order. */
    enum Service {
        PREPOST_INGEST("prepost-ingest", IngestApplication.class, 1),
        TRACKING_POLLER("tracking-poller", TrackingApplication.class, 2),
        PHONE_VALIDATOR("phone-validator", PhoneValidatorApplication.class, 3),
        NOTIFIER("notifier", NotifierApplication.class, 4);

        private final String serviceName;
        private final Class<?> application;
        private final int portOffset;

        Service(String serviceName, Class<?> application, int portOffset) {
            this.serviceName = serviceName;
            this.application = application;
            this.portOffset = portOffset;
        }

        String serviceName() {
            return serviceName;
        }

        int port(StandaloneSettings settings) {
            return settings.portBase() + portOffset;
        }
    }

    /** Auto-configurations on the shared classpath that belong to the services, not to the sandbox. */
    private static final List<String> NOT_FOR_THE_SANDBOX = List.of(
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "br.com.techassist.shipments.support.kafka.KafkaEventsAutoConfiguration",
            "br.com.techassist.shipments.support.outbox.OutboxAutoConfiguration",
            "br.com.techassist.shipments.correios.CorreiosAutoConfiguration",
            // the services' API security, problem details and audit trail: the sandbox's pages stay open
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
            "br.com.techassist.shipments.support.security.ApiSecurityAutoConfiguration",
            "br.com.techassist.shipments.support.web.ApiWebAutoConfiguration",
            "br.com.techassist.shipments.support.audit.AuditAutoConfiguration");

    /** What the sandbox must leave out when it shares a classpath with the services. */
    static List<String> notForTheSandbox() {
        return NOT_FOR_THE_SANDBOX;
    }

    /**
     * All contexts share one logging system, whose pattern would show the name of whichever context
     * configured it last on every line; the logger names (…ingest, …tracking, …phone, …notifier)
     * tell the services apart instead.
     */
    private static final String ONE_LOGGING_SYSTEM = "--logging.include-application-name=false";

    private final StandaloneSettings settings;
    private final String bootstrapServers;
    private final String[] extraArgs;

    ServiceLauncher(StandaloneSettings settings, String bootstrapServers, String[] extraArgs) {
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.extraArgs = extraArgs;
    }

    ConfigurableApplicationContext start(Service service) {
        List<String> args = new ArrayList<>(arguments(service));
        args.add(ONE_LOGGING_SYSTEM);
        return new SpringApplicationBuilder(service.application)
                .registerShutdownHook(false)
                .run(args.toArray(String[]::new));
    }

    /**
     * The command-line arguments {@code service} runs with here: its port, the broker, its database
     * and, in sandbox mode, the sandbox's addresses and credentials. The same arguments start the
     * service's own jar in a JVM of its own (the benchmark measures each service's memory so).
     */
    List<String> arguments(Service service) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + service.port(settings));
        args.add("--KAFKA_BOOTSTRAP_SERVERS=" + bootstrapServers);
        args.add("--spring.kafka.bootstrap-servers=" + bootstrapServers);
        args.addAll(datasource(service));
        if (settings.sandbox()) {
            args.addAll(sandboxArgs());
        }
        args.addAll(List.of(extraArgs));
        return args;
    }

    AutoCloseable startSandbox() {
        String webhook = "http://localhost:" + Service.NOTIFIER.port(settings) + "/webhooks/whatsapp";
        ConfigurableApplicationContext sandbox = SandboxApplication.builder()
                .registerShutdownHook(false)
                .run("--server.port=" + settings.sandboxPort(),
                        ONE_LOGGING_SYSTEM,
                        "--spring.application.name=sandbox",
                        "--spring.autoconfigure.exclude=" + String.join(",", NOT_FOR_THE_SANDBOX),
                        "--sandbox.scenario.parcels=" + settings.parcels(),
                        "--sandbox.clock.speed=" + settings.clockSpeed(),
                        "--sandbox.whatsapp.webhook-url=" + webhook);
        return sandbox::close;
    }

    private List<String> datasource(Service service) {
        String db = service.serviceName.replace('-', '_');
        if (settings.mysqlUrl() == null) {
            String url = H2Database.fileUrl(settings.dataDir().resolve(service.serviceName).toString());
            return List.of("--MYSQL_URL=" + url, "--spring.datasource.url=" + url,
                    "--spring.datasource.username=sa", "--spring.datasource.password=");
        }
        String url = createDatabase("shipments_" + db);
        return List.of("--MYSQL_URL=" + url, "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + settings.mysqlUsername(),
                "--spring.datasource.password=" + settings.mysqlPassword());
    }

    /** One database per service on the given server, created when missing. */
    private String createDatabase(String name) {
        String server = settings.mysqlUrl().replaceFirst("^(jdbc:(?:mysql|mariadb)://[^/?]+).*$", "$1");
        try (var c = DriverManager.getConnection(server + "/", settings.mysqlUsername(), settings.mysqlPassword())) {
            c.createStatement().execute("CREATE DATABASE IF NOT EXISTS " + name.toLowerCase(Locale.ROOT));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + server + ": " + e.getMessage(), e);
        }
        return server + "/" + name;
    }

    /** The Evolution webhook's secret for this run: random, never printed. */
    private static final String WEBHOOK_TOKEN = java.util.UUID.randomUUID().toString();

    private List<String> sandboxArgs() {
        String url = settings.sandboxUrl();
        double scale = 1.0 / settings.clockSpeed();
        return List.of(
                "--correios.base-url=" + url,
                "--correios.username=sandbox",
                "--correios.access-code=sandbox-access-code",
                "--correios.postcard=0076770702",
                "--WHATSAPP_PROVIDER=sandbox",
                "--WHATSAPP_BASE_URL=" + url,
                "--WHATSAPP_TOKEN=sandbox-api-key",
                "--WHATSAPP_INSTANCE=sandbox",
                "--WHATSAPP_APP_SECRET=sandbox-app-secret",
                // the notifier registers its Evolution webhook with the sandbox, which then posts statuses and replies
                "--WHATSAPP_WEBHOOK_URL=http://localhost:" + Service.NOTIFIER.port(settings) + "/webhooks/evolution",
                "--WHATSAPP_WEBHOOK_TOKEN=" + WEBHOOK_TOKEN,
                // the schedule runs as fast as the sandbox's clock, unless TRACKING_TIME_SCALE says otherwise
                "--TRACKING_TIME_SCALE=" + System.getenv().getOrDefault("TRACKING_TIME_SCALE", Double.toString(scale)),
                // the fake WhatsApp cannot ban anyone: no need to pace number checks as for a real account
                "--phone.checks.per-minute=100000",
                "--phone.checks.poll-interval=200ms",
                "--INGEST_INTERVAL=" + settings.ingestInterval(),
                // one replica: no other poller to keep off, and a lock held 10 s would stretch a shorter interval
                "--ingest.lock-at-least-for=PT0S",
                "--QUIET_HOURS=" + System.getenv().getOrDefault("QUIET_HOURS", "off"));
    }
}
