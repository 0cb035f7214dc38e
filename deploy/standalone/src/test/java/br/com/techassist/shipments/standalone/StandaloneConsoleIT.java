package br.com.techassist.shipments.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's first command as a person sees it: the launcher with its defaults (30 demo parcels,
 * the sandbox clock x1440) writes a console that stays readable, at most {@value #BUDGET} lines,
 * with the summary line, and every message the fake WhatsApp received is on it; the rest is in the
 * full log. Runs until the first messages were sent and summarised, not for a fixed time.
 */
class StandaloneConsoleIT {

    /** The README's promise for the first two minutes. */
    private static final int BUDGET = 150;
    private static final Pattern SUMMARY = Pattern.compile(
            "registered \\d+ · contacts \\d+ \\(\\d+ no WhatsApp\\) · posted \\d+ · delivered \\d+ · SHIPPED \\d+ · ARRIVED \\d+ · alerts \\d+");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final PrintStream stdout = System.out;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private StandaloneApplication app;

    @TempDir
    Path dataDir;

    @AfterEach
    void stopEverything() {
        if (app != null) {
            app.stop();
        }
        System.setOut(stdout);
        for (String p : List.of("org.springframework.boot.logging.LoggingSystem", "spring.main.banner-mode",
                "spring.main.log-startup-info", "STANDALONE_LOG_FILE")) {
            System.clearProperty(p);
        }
    }

    @Test
    void theConsoleShowsTheBannerEverySendAndSummariesWithinTheLineBudget() throws Exception {
        int portBase = TestPorts.freePortBlock(18_380);
        int sandboxPort = TestPorts.freePort();
        String sandbox = "http://localhost:" + sandboxPort;
        var settings = new StandaloneSettings(true, null, null, dataDir, null, sandboxPort, 30, 1440, portBase, "PT5S");
        Path fullLog = ConsoleLogging.configure(dataDir);
        System.setOut(new PrintStream(tee(stdout, console), true, StandardCharsets.UTF_8));

        app = new StandaloneApplication(settings);
        app.start(new String[0]);

        Awaitility.await("messages sent and a summary line on the console")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> lines().stream().anyMatch(l -> SUMMARY.matcher(l).find())
                        && lines().stream().filter(l -> l.contains(" sent for ")).count() >= 5);
        List<String> sent = sentInTheSandbox(sandbox);
        Awaitility.await("every message the fake WhatsApp received is on the console")
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(lines()).as("console").anySatisfy(l -> assertThat(l).contains(" sent for "))
                        .satisfies(all -> assertThat(sent).allSatisfy(code -> assertThat(all)
                                .anyMatch(l -> l.contains(" sent for " + code)))));

        List<String> lines = lines();
        assertThat(lines).as("console lines").hasSizeLessThanOrEqualTo(BUDGET);
        assertThat(String.join("\n", lines)).contains("Full log:", fullLog.toString(), "STANDALONE_CONSOLE=full")
                .doesNotContain("Update has been successful", "HikariPool-1 - Start", "Tomcat started on port",
                        "Started StandaloneApplication", ":: Spring Boot ::", "Formatting metadata directory");
        assertThat(Files.readString(fullLog)).contains("Update has been successful", "HikariPool-1 - Start",
                "Tomcat started on port", "Formatting metadata directory");
    }

    private List<String> lines() {
        return console.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The tracking codes of the messages the fake WhatsApp received so far. */
    private List<String> sentInTheSandbox(String sandbox) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sandbox + "/sandbox/whatsapp/messages"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode node = JSON.readTree(response.body());
        JsonNode array = node.isArray() ? node : node.path("items");
        var codes = Pattern.compile("[A-Z]{2}\\d{9}BR");
        List<String> out = new ArrayList<>();
        array.forEach(m -> codes.matcher(m.path("text").asString("")).results().findFirst()
                .ifPresent(match -> out.add(match.group())));
        assertThat(out).as("messages in the sandbox").isNotEmpty();
        return out;
    }

    /** Writes to the real console and keeps a copy. */
    private static OutputStream tee(PrintStream real, ByteArrayOutputStream copy) {
        return new OutputStream() {
            @Override
            public synchronized void write(int c) {
                real.write(c);
                copy.write(c);
            }

            @Override
            public synchronized void write(byte[] buf, int off, int len) {
                real.write(buf, off, len);
                copy.write(buf, off, len);
            }
        };
    }
}
