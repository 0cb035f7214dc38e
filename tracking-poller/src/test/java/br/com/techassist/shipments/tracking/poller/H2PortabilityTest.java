package br.com.techassist.shipments.tracking.poller;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.ShipmentAlert.AlertType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import liquibase.integration.spring.SpringLiquibase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The standalone app runs on H2 in MySQL mode: the changelog and every query of the poller must
 * work there too (the integration tests cover MySQL/MariaDB).
 */
class H2PortabilityTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private JdbcClient jdbc;
    private TransactionTemplate tx;
    private TrackedObjects objects;
    private Emissions emissions;

    @BeforeEach
    void database() throws Exception {
        var dataSource = new JdbcDataSource();
        dataSource.setURL(br.com.techassist.shipments.support.H2Database.memoryUrl("h2" + UUID.randomUUID().toString().replace("-", "")));
        var liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/changelog/tracking-poller.changelog-master.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();
        jdbc = JdbcClient.create(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        objects = new TrackedObjects(jdbc);
        emissions = new Emissions(jdbc);
    }

    @Test
    void trackedObjectsAreStoredSelectedLockedAndUpdated() {
        assertThat(objects.insert(TrackedObject.registered("AA000000015BR", 1, NOW, NOW))).isTrue();
        assertThat(objects.insert(TrackedObject.registered("AA000000015BR", 1, NOW, NOW))).isFalse();
        objects.insert(TrackedObject.registered("AA000000029BR", 2, NOW, NOW.plus(Duration.ofMinutes(3))));
        objects.insert(TrackedObject.registered("AA000000032BR", 4, NOW, NOW));
        assertThat(objects.insertAll(List.of(TrackedObject.registered("AA000000046BR", 3, NOW, NOW),
                        TrackedObject.registered("AA000000015BR", 1, NOW, NOW),
                        TrackedObject.registered("AA000000046BR", 3, NOW, NOW))))
                .as("one multi-row insert of the codes not tracked yet").extracting(TrackedObject::trackingCode)
                .containsExactly("AA000000046BR");
        jdbc.sql("DELETE FROM tracked_object WHERE tracking_code = 'AA000000046BR'").update();

        var candidates = objects.candidates(List.of(1, 2), NOW, NOW.plus(Duration.ofMinutes(5)),
                NOW.minus(Duration.ofMinutes(10)), 100);

        assertThat(candidates).extracting(BatchPlanner.Candidate::trackingCode)
                .containsExactly("AA000000015BR", "AA000000029BR");
        tx.executeWithoutResult(s -> {
            TrackedObject locked = objects.lock(List.of("AA000000015BR")).getFirst();
            objects.update(locked.polled(NOW, "h2").progressed(Milestone.IN_TRANSIT, false, NOW, null, NOW)
                    .dueIn(NOW, Duration.ofMinutes(30)));
        });
        TrackedObject stored = objects.find("AA000000015BR").orElseThrow();
        assertThat(stored.milestone()).isEqualTo(Milestone.IN_TRANSIT);
        assertThat(stored.nextPollAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(stored.polls()).isEqualTo(1);
        assertThat(stored.movedAt()).isEqualTo(NOW);
        assertThat(objects.countByMilestone().polled()).containsEntry(Milestone.IN_TRANSIT, 1L)
                .containsEntry(Milestone.PRE_POSTED, 2L);
        assertThat(objects.countByMilestone().stopped()).containsEntry(Milestone.IN_TRANSIT, 0L);
    }

    @Test
    void anEventIdIsClaimedOnce() {
        var alert = new ShipmentAlert(UUID.randomUUID(), OffsetDateTime.parse("2026-11-27T09:00:00-03:00"),
                "AA000000015BR", AlertType.STALLED, ShipmentAlert.Severity.WARNING, "stalled", null);

        assertThat(emissions.claim(alert, NOW)).isTrue();
        assertThat(emissions.claim(alert, NOW)).isFalse();
        assertThat(emissions.publishedFor(List.of("AA000000015BR"))).isEqualTo(Set.of(alert.eventId()));
    }
}
