package br.com.techassist.shipments.support.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.support.H2Database;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import liquibase.integration.spring.SpringLiquibase;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The standalone runs on H2 in MySQL mode: the shedlock changeset (also where the table exists
 * already, as in prepost-ingest), the bounded delete of audit records and the database-time lock
 * work there too (the integration tests cover MySQL/MariaDB).
 */
class RetentionOnH2Test {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void expiredAuditRecordsAreDeletedOldestFirstAtMostALimitAtATime() throws Exception {
        JdbcClient jdbc = JdbcClient.create(migrated(newDatabase()));
        for (int days : new int[] {400, 390, 380, 10}) {
            jdbc.sql("INSERT INTO audit_record (occurred_at, actor, action, tracking_code, request_id) VALUES (?, 'system', 'test', ?, ?)")
                    .params(Timestamp.from(NOW.minus(Duration.ofDays(days))), "DG049186226BR", "r-" + days)
                    .update();
        }
        var retention = new RowsOlderThan(jdbc, "audit_record", "audit_record", "id", "occurred_at", Duration.ofDays(365));

        assertThat(retention.purge(NOW, 2)).isEqualTo(2);
        assertThat(requestIds(jdbc)).containsExactly("r-380", "r-10");
        assertThat(retention.purge(NOW, 2)).isEqualTo(1);
        assertThat(retention.purge(NOW, 2)).isZero();
        assertThat(requestIds(jdbc)).containsExactly("r-10");
    }

    @Test
    void theShedlockChangesetLeavesATableCreatedEarlierAloneAndTheLockWorks() throws Exception {
        var dataSource = newDatabase();
        JdbcClient.create(dataSource).sql("CREATE TABLE shedlock (name VARCHAR(64) NOT NULL PRIMARY KEY,"
                + " lock_until TIMESTAMP(3) NOT NULL, locked_at TIMESTAMP(3) NOT NULL, locked_by VARCHAR(255) NOT NULL)").update();
        migrated(dataSource);
        var locks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());

        Optional<SimpleLock> first = locks.lock(config());
        assertThat(first).isPresent();
        assertThat(locks.lock(config())).as("held").isEmpty();
        first.orElseThrow().unlock();
        assertThat(locks.lock(config())).as("released").isPresent();
    }

    private static LockConfiguration config() {
        return new LockConfiguration(Instant.now(), "test-retention", Duration.ofMinutes(5), Duration.ZERO);
    }

    private static java.util.List<String> requestIds(JdbcClient jdbc) {
        return jdbc.sql("SELECT request_id FROM audit_record ORDER BY id").query(String.class).list();
    }

    private static JdbcDataSource newDatabase() {
        var dataSource = new JdbcDataSource();
        dataSource.setURL(H2Database.memoryUrl("h2" + UUID.randomUUID().toString().replace("-", "")));
        return dataSource;
    }

    private static JdbcDataSource migrated(JdbcDataSource dataSource) throws Exception {
        var liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/changelog/support-dlt-test.changelog-master.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();
        return dataSource;
    }
}
