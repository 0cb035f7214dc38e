package br.com.techassist.shipments.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.testsupport.InfrastructureInitializer;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Stopping the service while sends wait for a slow provider: nothing is left SENDING or UNCERTAIN.
 * The instance under test lives a year ahead (its own clock) and the rows are due then, so the other
 * test contexts' dispatchers never touch them.
 */
class GracefulStopIT {

    private static final Instant A_YEAR_AHEAD = Instant.parse("2027-11-27T15:00:00Z");
    private static final int PARCELS = 60;

    @Test
    void sendsInFlightFinishAndTheirAnswersAreWrittenBeforeTheServiceStops() throws IOException {
        SlowWhatsApp fake = SlowWhatsApp.start(Duration.ofMillis(500));
        ConfigurableApplicationContext app = start(fake);
        try {
            // a connection of our own: the service's data source closes with it
            var env = app.getEnvironment();
            JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(env.getProperty("spring.datasource.url"),
                    env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password")));
            String prefix = "TS" + String.format("%02d", ThreadLocalRandom.current().nextInt(100));
            insertDueParcels(jdbc, prefix);
            await().atMost(Duration.ofSeconds(30)).until(() -> fake.received() >= 5);

            app.close();

            Map<String, Long> states = new TreeMap<>();
            jdbc.sql("SELECT state, COUNT(*) AS n FROM notification WHERE tracking_code LIKE ? GROUP BY state")
                    .param(prefix + "%")
                    .query((rs, row) -> states.put(rs.getString("state"), rs.getLong("n")))
                    .list();
            assertThat(states).containsOnlyKeys("SENT", "PENDING");
            assertThat(states.get("SENT")).as("every send the provider got has its answer written").isEqualTo(fake.received());
            assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE tracking_code LIKE ? AND state = 'PENDING' AND attempts > 0")
                    .param(prefix + "%").query(Integer.class).single()).as("claims given back do not count").isZero();
            jdbc.sql("UPDATE notification SET state = 'SUPPRESSED', reason = 'test' WHERE tracking_code LIKE ? AND state = 'PENDING'")
                    .param(prefix + "%").update();
        } finally {
            app.close();
            fake.stop();
        }
    }

    private static void insertDueParcels(JdbcClient jdbc, String prefix) {
        Timestamp due = Timestamp.from(A_YEAR_AHEAD);
        for (int i = 0; i < PARCELS; i++) {
            String serial = prefix.substring(2) + String.format("%06d", i);
            String code = "TS" + serial + TrackingCode.checkDigit(serial) + "BR";
            String phone = "551197" + prefix.substring(2) + String.format("%05d", i);
            jdbc.sql("DELETE FROM notification WHERE tracking_code = ?").param(code).update();
            jdbc.sql("DELETE FROM parcel WHERE tracking_code = ?").param(code).update();
            jdbc.sql("""
                    INSERT INTO parcel (tracking_code, contact_status, contact_at, e164, whatsapp_id, origin_from_posted,
                      shipped_event_at, created_at, updated_at) VALUES (?, 'VALID', ?, ?, ?, false, ?, ?, ?)""")
                    .params(code, due, "+" + phone, phone, due, due, due)
                    .update();
            jdbc.sql("""
                    INSERT INTO notification (id, tracking_code, kind, state, next_attempt_at, attempts, created_at, updated_at)
                    VALUES (?, ?, 'SHIPPED', 'PENDING', ?, 0, ?, ?)""")
                    .params(Notification.idFor(code, NotificationKind.SHIPPED), code, due, due, due)
                    .update();
        }
    }

    private static ConfigurableApplicationContext start(SlowWhatsApp fake) throws IOException {
        Properties settings = PropertiesLoaderUtils.loadProperties(new ClassPathResource("notifier-it.properties"));
        settings.put("notifier.whatsapp.base-url", fake.baseUrl());
        settings.put("notifier.consumer-group", "notifier-graceful-stop");
        settings.put("notifier.provider-rate", "10");
        settings.put("notifier.quiet-hours", "off");
        String[] args = settings.stringPropertyNames().stream()
                .map(name -> "--" + name + "=" + settings.getProperty(name))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(NotifierApplication.class, AYearAhead.class)
                .web(WebApplicationType.NONE)
                .initializers(new InfrastructureInitializer())
                .run(args);
    }

    /** The clock of the instance under test. */
    static class AYearAhead {
        @Bean
        Clock clock() {
            return Clock.fixed(A_YEAR_AHEAD, ZoneOffset.UTC);
        }
    }
}
