package br.com.techassist.shipments.standalone;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/**
 * A real single-node KRaft Kafka server ({@code kafka.Kafka}, the broker's own main class) in a
 * child JVM, with its log directory and ports fixed for its whole life, so it can be
 * <em>restarted</em>: stopped with SIGTERM (a controlled shutdown) or killed, and started again on
 * the same port and the same log, keeping topics, records and committed offsets. The in-JVM test
 * kit cannot do that (it binds new random ports and deletes its log on close).
 */
final class KafkaProcess implements AutoCloseable {

    private final Path dir;
    private final Path config;
    private final int port;
    private Process process;
    private int starts;

    private KafkaProcess(Path dir, int port, int controllerPort) throws IOException {
        this.dir = dir;
        this.port = port;
        this.config = dir.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dir.resolve("log"),
                "num.partitions=6",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") + "\n");
        Files.writeString(dir.resolve("logback.xml"), """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="out"/></root>
                  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                </configuration>
                """);
    }

    /** Formats a fresh log directory under {@code dir} and starts the server. */
    static KafkaProcess start(Path dir) throws Exception {
        Files.createDirectories(dir);
        KafkaProcess kafka = new KafkaProcess(dir, TestPorts.freePort(), TestPorts.freePort());
        kafka.run("format", List.of("kafka.tools.StorageTool", "format", "--cluster-id", randomClusterId(),
                "--config", kafka.config.toString()), Duration.ofMinutes(1));
        kafka.startServer();
        return kafka;
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Stops the server with SIGTERM (a controlled shutdown) and starts it again on the same port and log. */
    void restart() throws Exception {
        stop();
        startServer();
    }

    private void startServer() throws Exception {
        starts++;
        process = java(List.of("-Xmx512m", "kafka.Kafka", config.toString()), "server-" + starts).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka server exited with " + process.exitValue() + ", see "
                        + dir.resolve("server-" + starts + ".log"));
            }
            try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrapServers(),
                    "request.timeout.ms", 2_000, "default.api.timeout.ms", 3_000))) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                last = notYet;
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the Kafka server did not answer within a minute", last);
    }

    private void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    private void run(String name, List<String> mainAndArgs, Duration atMost) throws Exception {
        Process p = java(mainAndArgs, name).start();
        if (!p.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(name + " did not finish within " + atMost);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(name + " failed with " + p.exitValue() + ": "
                    + Files.readString(dir.resolve(name + ".log")));
        }
    }

    /** The same JVM and class path as this test (which holds the Kafka server jars). */
    private ProcessBuilder java(List<String> mainAndArgs, String logName) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Dlogback.configurationFile=" + dir.resolve("logback.xml"));
        command.addAll(mainAndArgs);
        File log = dir.resolve(logName + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
    }

    private static String randomClusterId() {
        UUID uuid = UUID.randomUUID();
        byte[] bytes = java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
