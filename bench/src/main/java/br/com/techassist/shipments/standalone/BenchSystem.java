package br.com.techassist.shipments.standalone;

import br.com.techassist.shipments.sandbox.SandboxApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The standalone system as the benchmark drives it: an in-process broker, the sandbox (started
 * here with the benchmark's own clock and faults) and the four services started through the
 * standalone {@link ServiceLauncher}, each on a fresh database of {@code MYSQL_URL}. A service can
 * be restarted alone with different arguments (e.g. another provider rate).
 *
 * <p>This class lives in the standalone package because the launcher is package-private there;
 * it only uses it, it changes nothing in it.
 */
public final class BenchSystem implements AutoCloseable {

    /** The four services, by the names the standalone launcher uses. */
    public enum Svc {
        PREPOST_INGEST(ServiceLauncher.Service.PREPOST_INGEST),
        TRACKING_POLLER(ServiceLauncher.Service.TRACKING_POLLER),
        PHONE_VALIDATOR(ServiceLauncher.Service.PHONE_VALIDATOR),
        NOTIFIER(ServiceLauncher.Service.NOTIFIER);

        private final ServiceLauncher.Service service;

        Svc(ServiceLauncher.Service service) {
            this.service = service;
        }

        public String serviceName() {
            return service.serviceName();
        }
    }

    private final String mysqlUrl;
    private final int portBase;
    private final int sandboxPort;
    private final double trackingClockSpeed;
    private final List<String> commonArgs;
    private final Map<Svc, ConfigurableApplicationContext> services = new EnumMap<>(Svc.class);
    private final Map<Svc, Process> processes = new EnumMap<>(Svc.class);
    private InProcessKafka kafka;
    private ConfigurableApplicationContext sandbox;

    /**
     * @param mysqlUrl the server; its databases {@code shipments_<service>} are dropped and created again
     * @param trackingClockSpeed the tracking schedule runs {@code 1/trackingClockSpeed} of its real durations
     * @param commonArgs extra arguments for every service
     */
    public BenchSystem(String mysqlUrl, double trackingClockSpeed, List<String> commonArgs) throws IOException {
        this.mysqlUrl = mysqlUrl;
        this.trackingClockSpeed = trackingClockSpeed;
        this.commonArgs = List.copyOf(commonArgs);
        this.portBase = freePortBlock();
        this.sandboxPort = freePort();
    }

    /** Starts broker and sandbox (with the given sandbox arguments), then the services in this JVM. */
    public void start(List<String> sandboxArgs) throws IOException {
        startInfrastructure(sandboxArgs);
        for (Svc svc : Svc.values()) {
            startService(svc, List.of());
        }
    }

    /** Starts broker and sandbox only (the services are then started one by one, e.g. as processes). */
    public void startInfrastructure(List<String> sandboxArgs) throws IOException {
        dropDatabases();
        kafka = InProcessKafka.start();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + sandboxPort,
                "--spring.autoconfigure.exclude=" + String.join(",", ServiceLauncher.notForTheSandbox()),
                "--sandbox.whatsapp.webhook-url=http://localhost:" + (portBase + 4) + "/webhooks/whatsapp",
                "--logging.level.br.com.techassist.shipments.sandbox=WARN"));
        args.addAll(sandboxArgs);
        sandbox = SandboxApplication.builder().registerShutdownHook(false).run(args.toArray(String[]::new));
    }

    /** Starts (or starts again, on the same database) one service with extra arguments. */
    public void startService(Svc svc, List<String> extraArgs) {
        // a property given twice on the command line would bind as "a,b": the later value replaces the earlier
        Map<String, String> byName = new LinkedHashMap<>();
        for (String arg : concat(commonArgs, extraArgs)) {
            byName.put(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg, arg);
        }
        ServiceLauncher launcher = new ServiceLauncher(settings(), kafka.bootstrapServers(),
                byName.values().toArray(String[]::new));
        services.put(svc, launcher.start(svc.service));
    }

    /**
     * Starts one service from its own executable jar in a JVM of its own, with the arguments the
     * standalone launcher would give it in this JVM; its output goes to {@code log}.
     */
    public Process startServiceProcess(Svc svc, Path jar, List<String> jvmOptions, Path log) throws IOException {
        List<String> launch = new ArrayList<>(jvmOptions);
        launch.addAll(List.of("-jar", jar.toString()));
        return startServiceProcess(svc, launch, log);
    }

    /**
     * Starts one service in a JVM of its own: {@code java}, then {@code launch} (JVM options and what
     * to run, e.g. {@code -jar <jar>}), then the arguments the standalone launcher would give it here.
     */
    public Process startServiceProcess(Svc svc, List<String> launch, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch);
        command.addAll(new ServiceLauncher(settings(), kafka.bootstrapServers(), commonArgs.toArray(String[]::new))
                .arguments(svc.service));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.put(svc, process);
        return process;
    }

    /** Closes one service's context (or ends its process); its database and the broker stay. */
    public void stopService(Svc svc) {
        ConfigurableApplicationContext context = services.remove(svc);
        if (context != null) {
            context.close();
        }
        Process process = processes.remove(svc);
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    public String sandboxUrl() {
        return "http://localhost:" + sandboxPort;
    }

    public String serviceUrl(Svc svc) {
        return "http://localhost:" + svc.service.port(settings());
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void close() {
        for (Svc svc : List.of(Svc.NOTIFIER, Svc.PHONE_VALIDATOR, Svc.TRACKING_POLLER, Svc.PREPOST_INGEST)) {
            try {
                stopService(svc);
            } catch (RuntimeException e) {
                System.err.println("stopping " + svc + ": " + e.getMessage());
            }
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private StandaloneSettings settings() {
        return new StandaloneSettings(true, null, mysqlUrl, Path.of("data"), sandboxUrl(), sandboxPort, 0,
                trackingClockSpeed, portBase, "PT5S");
    }

    private void dropDatabases() {
        try (var c = connect("")) {
            for (Svc svc : Svc.values()) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + database(svc));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the benchmark databases on " + mysqlUrl + ": " + e.getMessage(), e);
        }
    }

    /** Runs one update statement on {@code svc}'s database; returns the rows changed. */
    public int update(Svc svc, String sql) {
        try (var c = connect(database(svc))) {
            return c.createStatement().executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update " + database(svc) + ": " + e.getMessage(), e);
        }
    }

    private static String database(Svc svc) {
        return "shipments_" + svc.serviceName().replace('-', '_');
    }

    private java.sql.Connection connect(String database) throws SQLException {
        String server = mysqlUrl.replaceFirst("^(jdbc:(?:mysql|mariadb)://[^/?]+).*$", "$1");
        String user = System.getenv().getOrDefault("MYSQL_USERNAME", "root");
        String password = System.getenv().getOrDefault("MYSQL_PASSWORD", "");
        return DriverManager.getConnection(server + "/" + database, user, password);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int freePortBlock() {
        for (int base = 19_180; base < 20_000; base += 10) {
            if (free(base + 1) && free(base + 2) && free(base + 3) && free(base + 4)) {
                return base;
            }
        }
        throw new IllegalStateException("no free block of four ports between 19180 and 20000");
    }

    private static boolean free(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
