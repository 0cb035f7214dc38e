package br.com.techassist.shipments.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.testsupport.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures the dispatcher, it does not judge it: a backlog of 3 s of due SHIPPED messages (3,000)
 * goes through the real dispatcher, MariaDB and Cloud API adapter to an HTTP fake answering every send
 * in 200 ms (after 1 s more to warm the JVM up), with {@code notifier.provider-rate} = 1,000
 * ({@code -Dthroughput.rate=80} for another rate). Prints the achieved rate (sends between the
 * 10th and the 90th percentile send ÷ the time between them, as the bench does) and the time until
 * every row was SENT. Run it alone for a clean number (the other test contexts' dispatchers share the
 * database):
 *
 * <pre>./mvnw -B -pl notifier verify -Dit.test=DispatchThroughputIT -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@IntegrationTest
@TestPropertySource(locations = "classpath:notifier-it.properties",
        properties = {"notifier.quiet-hours=off", "notifier.dispatch-interval=1s"})
@Import(TestClock.Configuration.class)
class DispatchThroughputIT {

    /** The provider rate under test: {@code -Dthroughput.rate=80} measures the default rate. */
    static final int RATE = Integer.getInteger("throughput.rate", 1000);
    static final int WARM_UP = RATE;
    static final int BACKLOG = 3 * RATE;
    static final Duration LATENCY = Duration.ofMillis(200);
    static final SlowWhatsApp fake = SlowWhatsApp.start(LATENCY);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    PlatformTransactionManager txManager;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void slowProvider(DynamicPropertyRegistry registry) {
        registry.add("notifier.whatsapp.base-url", fake::baseUrl);
        registry.add("notifier.provider-rate", () -> RATE);
    }

    @AfterAll
    static void stopFake() {
        fake.stop();
    }

    @Test
    void aBacklogGoesOutAtTheProviderRate() {
        String warmUp = backlog("TW", WARM_UP);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> done(warmUp) == WARM_UP);
        fake.reset();

        String measured = backlog("TP", BACKLOG);
        long committed = System.nanoTime();
        long cpuBefore = processCpuNanos();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> done(measured) == BACKLOG);
        double allSeconds = (System.nanoTime() - committed) / 1e9;
        double cpuMillisPerSend = (processCpuNanos() - cpuBefore) / 1e6 / BACKLOG;

        Map<String, Long> states = new java.util.TreeMap<>();
        jdbc.sql("SELECT state, COUNT(*) AS n FROM notification WHERE tracking_code LIKE ? GROUP BY state")
                .param(measured)
                .query((rs, row) -> states.put(rs.getString("state"), rs.getLong("n")))
                .list();
        List<Long> starts = fake.starts();
        Timer calls = meters.find("notifier.provider.requests").tag("outcome", "accepted").timer();
        System.out.printf("%n=== DispatchThroughputIT: %d sends (after %d to warm up), provider-rate %d/s, %d ms answers: "
                        + "%.0f sends/s (p10-p90 of the fake's receipts); all %d final after %.2f s (%.0f/s); states %s; "
                        + "max requests in flight %d; provider call mean %.0f ms; test JVM CPU %.2f ms per send; "
                        + "load average %.1f ===%n%n",
                starts.size(), WARM_UP, RATE, LATENCY.toMillis(), percentileRate(starts), BACKLOG, allSeconds, BACKLOG / allSeconds,
                states, fake.maxInFlight(), calls == null ? Double.NaN : calls.mean(TimeUnit.MILLISECONDS), cpuMillisPerSend,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        assertThat(states).containsOnlyKeys("SENT");
        assertThat(fake.duplicates()).as("numbers that got a message twice").isEmpty();
    }

    /** Rows of the backlog ({@code like}) with a final state. */
    private int done(String like) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE tracking_code LIKE ? AND state NOT IN ('PENDING', 'SENDING')")
                .param(like).query(Integer.class).single();
    }

    /** {@code count} due SHIPPED messages of parcels with a WhatsApp contact, committed at once; returns their LIKE pattern. */
    private String backlog(String letters, int count) {
        String prefix = String.format("%02d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100));
        String like = letters + prefix + "%";
        jdbc.sql("DELETE FROM notification WHERE tracking_code LIKE ?").param(like).update();
        jdbc.sql("DELETE FROM parcel WHERE tracking_code LIKE ?").param(like).update();
        Timestamp now = Timestamp.from(TestClock.INSTANCE.instant());
        List<Object[]> parcels = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String serial = prefix + String.format("%06d", i);
            String code = letters + serial + TrackingCode.checkDigit(serial) + "BR";
            String phone = "5511" + (letters.equals("TP") ? "98" : "97") + prefix + String.format("%05d", i);
            parcels.add(new Object[] {code, "MARIA DA SILVA", "Notebook", "VALID", now, "+" + phone, phone, "Sao Paulo", "SP",
                    true, now, now, now, now});
            rows.add(new Object[] {Notification.idFor(code, NotificationKind.SHIPPED), code, now, now, now, now});
        }
        new TransactionTemplate(txManager).executeWithoutResult(tx -> {
            jdbcTemplate.batchUpdate("""
                    INSERT INTO parcel (tracking_code, recipient_name, product, contact_status, contact_at, e164, whatsapp_id,
                      origin_city, origin_state, origin_from_posted, origin_event_at, shipped_event_at, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", parcels);
            jdbcTemplate.batchUpdate("""
                    INSERT INTO notification (id, tracking_code, kind, state, next_attempt_at, attempts, event_at, created_at,
                      updated_at) VALUES (?, ?, 'SHIPPED', 'PENDING', ?, 0, ?, ?, ?)""", rows);
        });
        return like;
    }

    /** CPU time used by this JVM so far (the notifier, the Kafka broker and the fake). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Sends between the 10th and the 90th percentile receipt ÷ the time between them. */
    static double percentileRate(List<Long> starts) {
        if (starts.size() < 10) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(starts);
        Collections.sort(sorted);
        int p10 = sorted.size() / 10;
        int p90 = sorted.size() * 9 / 10;
        return (p90 - p10) / ((sorted.get(p90) - sorted.get(p10)) / 1e9);
    }
}
