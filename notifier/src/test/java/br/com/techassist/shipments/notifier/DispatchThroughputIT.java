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
 * Measures the dispatcher, it does not judge it: a backlog of {@value #BACKLOG} due SHIPPED messages
 * goes through the real dispatcher, MariaDB and Cloud API adapter to an HTTP fake answering every send
 * in 200 ms, with {@code notifier.provider-rate} = 1,000. Prints the achieved rate (sends between the
 * 10th and the 90th percentile send ÷ the time between them, as the bench does) and the time until
 * every row was SENT. Run it alone for a clean number (the other test contexts' dispatchers share the
 * database):
 *
 * <pre>./mvnw -B -pl notifier verify -Dit.test=DispatchThroughputIT -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@IntegrationTest
@TestPropertySource(locations = "classpath:notifier-it.properties",
        properties = {"notifier.provider-rate=1000", "notifier.quiet-hours=off", "notifier.dispatch-interval=1s"})
@Import(TestClock.Configuration.class)
class DispatchThroughputIT {

    static final int BACKLOG = 3000;
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
    }

    @AfterAll
    static void stopFake() {
        fake.stop();
    }

    @Test
    void aBacklogGoesOutAtTheProviderRate() {
        List<String> codes = new ArrayList<>();
        String prefix = String.format("%02d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100));
        for (int i = 0; i < BACKLOG; i++) {
            String serial = prefix + String.format("%06d", i);
            codes.add("TP" + serial + TrackingCode.checkDigit(serial) + "BR");
        }
        jdbc.sql("DELETE FROM notification WHERE tracking_code LIKE ?").param("TP" + prefix + "%").update();
        jdbc.sql("DELETE FROM parcel WHERE tracking_code LIKE ?").param("TP" + prefix + "%").update();
        Timestamp now = Timestamp.from(TestClock.INSTANCE.instant());

        new TransactionTemplate(txManager).executeWithoutResult(tx -> {
            List<Object[]> parcels = new ArrayList<>();
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                String code = codes.get(i);
                String phone = "551198" + prefix + String.format("%05d", i);
                parcels.add(new Object[] {code, "MARIA DA SILVA", "Notebook", "VALID", now, "+" + phone, phone, "Sao Paulo",
                        "SP", true, now, now, now, now});
                rows.add(new Object[] {Notification.idFor(code, NotificationKind.SHIPPED), code, now, now, now, now});
            }
            jdbcTemplate.batchUpdate("""
                    INSERT INTO parcel (tracking_code, recipient_name, product, contact_status, contact_at, e164, whatsapp_id,
                      origin_city, origin_state, origin_from_posted, origin_event_at, shipped_event_at, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", parcels);
            jdbcTemplate.batchUpdate("""
                    INSERT INTO notification (id, tracking_code, kind, state, next_attempt_at, attempts, event_at, created_at,
                      updated_at) VALUES (?, ?, 'SHIPPED', 'PENDING', ?, 0, ?, ?, ?)""", rows);
        });
        long committed = System.nanoTime();
        long cpuBefore = processCpuNanos();

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql(
                        "SELECT COUNT(*) FROM notification WHERE tracking_code LIKE ? AND state <> 'PENDING' AND state <> 'SENDING'")
                .param("TP" + prefix + "%").query(Integer.class).single() == BACKLOG);
        double allSeconds = (System.nanoTime() - committed) / 1e9;
        double cpuMillisPerSend = (processCpuNanos() - cpuBefore) / 1e6 / BACKLOG;

        Map<String, Long> states = new java.util.TreeMap<>();
        jdbc.sql("SELECT state, COUNT(*) AS n FROM notification WHERE tracking_code LIKE ? GROUP BY state")
                .param("TP" + prefix + "%")
                .query((rs, row) -> states.put(rs.getString("state"), rs.getLong("n")))
                .list();
        List<Long> starts = fake.starts();
        Timer calls = meters.find("notifier.provider.requests").tag("outcome", "accepted").timer();
        double rate = percentileRate(starts);
        System.out.printf("%n=== DispatchThroughputIT: %d sends, provider-rate 1000/s, %d ms answers: %.0f sends/s "
                        + "(p10-p90 of the fake's receipts); all %d final after %.2f s (%.0f/s); states %s; max requests in flight %d; "
                        + "provider call mean %.0f ms; test JVM CPU %.2f ms per send; load average %.1f ===%n%n",
                starts.size(), LATENCY.toMillis(), rate, BACKLOG, allSeconds, BACKLOG / allSeconds, states, fake.maxInFlight(),
                calls == null ? Double.NaN : calls.mean(TimeUnit.MILLISECONDS), cpuMillisPerSend,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        assertThat(states).containsOnlyKeys("SENT");
        assertThat(fake.duplicates()).as("numbers that got a message twice").isEmpty();
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
