package br.com.techassist.shipments.standalone;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system in one JVM: an in-process Kafka broker (unless {@code KAFKA_BOOTSTRAP_SERVERS}
 * is set), the sandbox (unless Correios credentials are set), and the four services, each in its
 * own Spring context with its own port and database. Ctrl-C stops everything in reverse order.
 * When any part fails to start, everything already started is stopped and the process exits with
 * status 1, naming the part and the reason: a system with a service missing is not left running.
 */
public final class StandaloneApplication {

    private static final Logger log = LoggerFactory.getLogger(StandaloneApplication.class);

    /** Ends the process; {@code System::exit} in production, a recorder in tests. */
    @FunctionalInterface
    interface Exit {
        void exit(int status);
    }

    /** How often the console's summary line comes while the counts move. */
    static final java.time.Duration SUMMARY_INTERVAL = java.time.Duration.ofSeconds(10);

    private final StandaloneSettings settings;
    private final List<AutoCloseable> running = new ArrayList<>();
    private String bootstrapServers;

    StandaloneApplication(StandaloneSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        StandaloneSettings settings = StandaloneSettings.from(System.getenv());
        ConsoleLogging.configure(settings.dataDir());
        StandaloneApplication app = new StandaloneApplication(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "standalone-shutdown"));
        stopInOrderOn(app, "TERM", "INT");
        app.startOrExit(args, System::exit);
    }

    /**
     * Starts everything; when a part fails, logs which one and why, stops what was started and
     * calls {@code exit} with status 1.
     */
    void startOrExit(String[] extraArgs, Exit exit) {
        try {
            start(extraArgs);
        } catch (StartFailure failure) {
            log.error("standalone: {}; stopping everything and exiting with status 1", failure.getMessage());
            stop();
            exit.exit(1);
        }
    }

    /**
     * Ctrl-C and {@code kill}: everything is stopped in order <em>before</em> the JVM's shutdown hooks
     * run. Left to the hooks alone, the stop would race the hooks of the libraries: H2 closing the
     * databases and the Kafka test kit deleting the broker's log directory under running services.
     */
    @SuppressWarnings("sunapi")
    private static void stopInOrderOn(StandaloneApplication app, String... signals) {
        for (String name : signals) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    log.info("SIG{}: stopping the services, then the sandbox and the broker", name);
                    app.stop();
                    System.exit(0);
                });
            } catch (IllegalArgumentException unsupported) {
                // this platform does not have the signal: the shutdown hook still stops everything
            }
        }
    }

    /** Starts everything; returns when all services are up, or throws {@link StartFailure} naming the part that is not. */
    void start(String[] extraArgs) {
        long started = System.nanoTime();
        log.info("starting the broker, the sandbox and the four services; full log: {}", Banner.fullLog(settings));
        if (settings.kafkaBootstrapServers() == null) {
            InProcessKafka kafka = started("the in-process Kafka broker", InProcessKafka::start);
            bootstrapServers = kafka.bootstrapServers();
            log.info("in-process Kafka broker listening on {}", bootstrapServers);
        } else {
            bootstrapServers = settings.kafkaBootstrapServers();
        }
        DemoApiKeys keys = DemoApiKeys.from(System.getenv("API_KEYS"));
        ServiceLauncher launcher = new ServiceLauncher(settings, bootstrapServers, withKeys(extraArgs, keys));
        if (settings.startsSandbox()) {
            started("the sandbox", launcher::startSandbox);
        }
        for (ServiceLauncher.Service service : ServiceLauncher.Service.values()) {
            started(service.serviceName(), () -> launcher.start(service));
        }
        log.info(new Banner(settings, bootstrapServers, keys).text((System.nanoTime() - started) / 1_000_000));
        started("the console summary", () -> ConsoleSummary.start(bootstrapServers, SUMMARY_INTERVAL));
    }

    /** The services get the keys' hashes as API_KEYS; arguments given on the command line still win. */
    private static String[] withKeys(String[] extraArgs, DemoApiKeys keys) {
        List<String> args = new ArrayList<>(keys.arguments());
        args.addAll(List.of(extraArgs));
        return args.toArray(String[]::new);
    }

    /** Runs {@code start}; keeps what it returns to stop it later when it is closeable. */
    private <T> T started(String part, Callable<T> start) {
        T value;
        try {
            value = start.call();
        } catch (Exception e) {
            throw new StartFailure(part, e);
        }
        if (value instanceof AutoCloseable closeable) {
            running.add(closeable);
        }
        return value;
    }

    /** Stops the services, then the sandbox and the broker. */
    synchronized void stop() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                log.warn("error while stopping: {}", e.getMessage());
            }
        }
        running.clear();
    }

    String bootstrapServers() {
        return bootstrapServers;
    }
}
