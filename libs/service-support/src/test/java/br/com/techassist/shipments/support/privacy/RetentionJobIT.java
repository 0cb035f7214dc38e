package br.com.techassist.shipments.support.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import br.com.techassist.shipments.support.audit.AuditTrail;
import br.com.techassist.shipments.testsupport.MovableClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention job on MySQL with a movable clock: audit records older than {@code AUDIT_RETENTION}
 * go in bounded batches while newer ones stay; a task that fails is counted and the others still
 * run; a task that always has more stops at the run's batch cap; a run is skipped while another
 * replica holds the lock; each run refreshes the age of the oldest personal data held.
 */
@PrivacyIntegrationTest
class RetentionJobIT {

    private static final String LOCK = PrivacyTestApplication.SERVICE + "-retention";

    @Autowired
    RetentionJob job;

    @Autowired
    AuditTrail audit;

    @Autowired
    MovableClock clock;

    @Autowired
    PrivacyProperties props;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PrivacyTestApplication.TestHolder holder;

    @Autowired
    PrivacyTestApplication.BrokenTask broken;

    @Autowired
    PrivacyTestApplication.EndlessTask endless;

    @AfterEach
    void backToNow() {
        clock.set(Instant.now());
        holder.oldest.set(null);
    }

    @Test
    void auditRecordsOlderThanTheRetentionAreDeletedInBoundedBatchesAndNewerOnesKept() {
        String expired = ErasureListenerIT.newTrackingCode();
        String kept = ErasureListenerIT.newTrackingCode();
        Instant now = Instant.now();
        clock.set(now.minus(props.auditRetention()).minus(Duration.ofDays(2)));
        for (int i = 0; i < 5; i++) {
            audit.record("test.expired", expired, null, Map.of("n", i));
        }
        clock.set(now.minus(props.auditRetention()).plus(Duration.ofMinutes(5)));
        audit.record("test.kept", kept, null, Map.of("n", 0));
        clock.set(now.minus(Duration.ofDays(1)));
        audit.record("test.kept", kept, null, Map.of("n", 1));
        clock.set(now);
        double purgedBefore = purged("audit_record");

        var purges = job.run();

        assertThat(audit.of(expired)).isEmpty();
        assertThat(audit.of(kept)).hasSize(2);
        var auditPurge = purges.stream().filter(p -> p.task().equals("audit_record")).findFirst().orElseThrow();
        assertThat(auditPurge.failed()).isFalse();
        assertThat(auditPurge.rows()).as("ours, and any other test's of that age").isGreaterThanOrEqualTo(5);
        assertThat(auditPurge.batches()).as("batches of %d", PrivacyTestApplication.BATCH_SIZE)
                .isEqualTo(auditPurge.rows() / PrivacyTestApplication.BATCH_SIZE + 1);
        assertThat(purged("audit_record") - purgedBefore).isEqualTo(auditPurge.rows());

        clock.set(now.plus(Duration.ofMinutes(10))); // the first kept record is now expired too
        job.run();
        assertThat(audit.of(kept)).extracting(r -> r.after().get("n").asInt()).containsExactly(1);
    }

    @Test
    void aFailingTaskIsCountedAndLoggedAndTheOtherTasksStillRun() {
        int brokenCalls = broken.calls.get();
        int endlessCalls = endless.calls.get();
        double failuresBefore = failures("broken");

        var purges = job.run();

        assertThat(purges).extracting(RetentionJob.Purge::task).containsExactly("broken", "endless", "audit_record");
        assertThat(purges.getFirst().failed()).isTrue();
        assertThat(purges.subList(1, 3)).noneMatch(RetentionJob.Purge::failed);
        assertThat(broken.calls.get()).isEqualTo(brokenCalls + 1);
        assertThat(endless.calls.get()).isGreaterThan(endlessCalls);
        assertThat(failures("broken") - failuresBefore).isEqualTo(1);
        assertThat(failures("endless")).isZero();
    }

    @Test
    void aTaskThatAlwaysHasMoreStopsAtTheBatchCapOfOneRun() {
        int before = endless.calls.get();
        double purgedBefore = purged("endless");

        var endlessPurge = job.run().stream().filter(p -> p.task().equals("endless")).findFirst().orElseThrow();

        assertThat(endless.calls.get() - before).isEqualTo(RetentionJob.MAX_BATCHES_PER_RUN);
        assertThat(endlessPurge.batches()).isEqualTo(RetentionJob.MAX_BATCHES_PER_RUN);
        assertThat(endlessPurge.rows()).isEqualTo(RetentionJob.MAX_BATCHES_PER_RUN * PrivacyTestApplication.BATCH_SIZE);
        assertThat(purged("endless") - purgedBefore).isEqualTo(endlessPurge.rows());
    }

    @Test
    void aRunIsSkippedWhileAnotherReplicaHoldsTheLock() {
        assertThat(job.run()).as("the lock's row exists after a run").isNotEmpty();
        int before = endless.calls.get();
        jdbc.sql("UPDATE shedlock SET lock_until = DATE_ADD(UTC_TIMESTAMP(3), INTERVAL 1 HOUR), locked_by = 'another-replica'"
                        + " WHERE name = ?")
                .param(LOCK).update();
        try {
            assertThat(job.run()).isEmpty();
            assertThat(endless.calls.get()).isEqualTo(before);
        } finally {
            jdbc.sql("UPDATE shedlock SET lock_until = UTC_TIMESTAMP(3) WHERE name = ?").param(LOCK).update();
        }
        assertThat(job.run()).isNotEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = ? AND lock_until <= UTC_TIMESTAMP(3)")
                .param(LOCK).query(Long.class).single()).as("released after the run").isEqualTo(1);
    }

    @Test
    void eachRunRefreshesTheAgeOfTheOldestPersonalDataHeld() {
        holder.oldest.set(clock.instant().minus(Duration.ofDays(3)));
        job.run();
        assertThat(oldestSeconds()).isCloseTo(Duration.ofDays(3).toSeconds(), within(5.0));

        holder.oldest.set(null);
        assertThat(oldestSeconds()).as("not asked between runs").isCloseTo(Duration.ofDays(3).toSeconds(), within(5.0));
        job.run();
        assertThat(oldestSeconds()).isZero();
    }

    private double oldestSeconds() {
        return meters.get(OldestPersonalData.GAUGE).gauge().value();
    }

    private double purged(String task) {
        return meters.counter("shipments_retention_purged_rows", "task", task).count();
    }

    private double failures(String task) {
        return meters.counter("shipments_retention_failures", "task", task).count();
    }
}
