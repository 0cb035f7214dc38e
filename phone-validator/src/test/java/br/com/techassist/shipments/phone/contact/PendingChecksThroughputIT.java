package br.com.techassist.shipments.phone.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.techassist.shipments.model.ContactValidated;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.phonenumbers.BrazilianPhoneNumbers;
import br.com.techassist.shipments.testsupport.IntegrationTest;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throughput of the check worker on the real database: after a warm-up of 200, {@code phone.bench.contacts}
 * (2,000) PENDING contacts, all due at once, worked off by {@link PendingChecks} against a sandbox-like provider fake
 * (every mobile has an account under its 13-digit id). Prints contacts/s; asserts only that every
 * contact was settled and published once, never the time.
 */
@IntegrationTest(properties = {
        "phone.provider=evolution",
        "phone.whatsapp.token=bench-apikey",
        "phone.whatsapp.instance=bench",
        "phone.checks.batch-size=100",
        "phone.checks.per-minute=1000000",
        "phone.checks.poll-interval=200ms"
})
class PendingChecksThroughputIT {

    private static final int CONTACTS = Integer.getInteger("phone.bench.contacts", 2_000);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpServer provider = sandboxLikeProvider();

    @DynamicPropertySource
    static void providerUrl(DynamicPropertyRegistry registry) {
        registry.add("phone.whatsapp.base-url", () -> "http://127.0.0.1:" + provider.getAddress().getPort());
    }

    @AfterAll
    static void stopProvider() {
        provider.stop(0);
    }

    @Autowired
    Contacts contacts;

    @Autowired
    CheckSignal signal;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void theWorkerSettlesEveryDueContactAndPrintsItsRate() {
        workOff("TW", 200, 9_000); // warm-up: connections, JIT

        try (var published = TopicRecorder.start(Topics.CONTACTS)) {
            double seconds = workOff("TP", CONTACTS, 0);

            System.out.printf("%nPendingChecksThroughputIT: %d contacts settled in %.2f s = %.0f contacts/s%n%n",
                    CONTACTS, seconds, CONTACTS / seconds);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE tracking_code LIKE 'TP%' AND status = 'VALID'"
                    + " AND event_id IS NOT NULL").query(Integer.class).single()).isEqualTo(CONTACTS);
            // published once: one ContactValidated record per contact on the topic, none twice, none later
            await().atMost(Duration.ofMinutes(1)).until(() ->
                    jdbc.sql("SELECT COUNT(*) FROM outbox_event").query(Integer.class).single() == 0);
            await().atMost(Duration.ofMinutes(1)).until(() -> published(published).size() >= CONTACTS);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> published(published).size() == CONTACTS);
            assertThat(published(published)).as("ContactValidated records per tracking code")
                    .hasSize(CONTACTS)
                    .doesNotHaveDuplicates();
        }
    }

    /** Tracking codes of the ContactValidated records of the measured contacts, one entry per record. */
    private static List<String> published(TopicRecorder recorder) {
        return recorder.events(ContactValidated.class).stream()
                .map(ContactValidated::trackingCode)
                .filter(code -> code.startsWith("TP"))
                .toList();
    }

    /** Makes {@code count} contacts due at once and returns the seconds until none of them is PENDING. */
    private double workOff(String letters, int count, int firstPhone) {
        Instant created = Instant.now();
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                String serial = String.format("%08d", 10_000_000 + i);
                int n = firstPhone + i;
                String phone = String.format("(43) 99%03d-%04d", n / 10_000, n % 10_000);
                contacts.insert(Contact.of(letters + serial + TrackingCode.checkDigit(serial) + "BR",
                        BrazilianPhoneNumbers.normalize(phone), false, 0), created);
            }
        });
        long start = System.nanoTime();
        signal.wakeUp();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() -> pending(letters) == 0);
        return (System.nanoTime() - start) / 1e9;
    }

    private int pending(String letters) {
        return jdbc.sql("SELECT COUNT(*) FROM contact WHERE tracking_code LIKE ? AND status = 'PENDING'")
                .param(letters + "%").query(Integer.class).single();
    }

    /** Evolution's {@code whatsappNumbers} check: a 13-digit mobile has an account under itself, others none. */
    private static HttpServer sandboxLikeProvider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/chat/whatsappNumbers/bench", exchange -> {
                var request = JSON.readTree(exchange.getRequestBody());
                List<Map<String, Object>> answers = new ArrayList<>();
                request.get("numbers").forEach(n -> {
                    String number = n.asString();
                    answers.add(Map.of("jid", number + "@s.whatsapp.net", "exists", number.length() == 13,
                            "number", number));
                });
                byte[] body = JSON.writeValueAsString(answers).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
