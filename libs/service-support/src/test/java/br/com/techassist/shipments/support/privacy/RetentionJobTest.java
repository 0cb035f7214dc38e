package br.com.techassist.shipments.support.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.PersonalDataErasureRequested;
import br.com.techassist.shipments.testsupport.MovableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class RetentionJobTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MovableClock clock = new MovableClock(NOW);
    private final PrivacyProperties props = new PrivacyProperties(Duration.ofDays(90), Duration.ofDays(365),
            Duration.ofDays(30), Duration.ofHours(1), 10, null);
    private final LockProvider alwaysGranted = config -> Optional.of((SimpleLock) () -> {});

    @Test
    void atStartTheGaugeIsComputedAndNoTaskRunsBeforeOneInterval() {
        AtomicInteger calls = new AtomicInteger();
        RetentionTask task = task("counting", (now, limit) -> {
            calls.incrementAndGet();
            return 0;
        });
        var oldest = new OldestPersonalData(holderSince(NOW.minus(Duration.ofDays(2))), clock, meters);
        var job = new RetentionJob(List.of(task), alwaysGranted, "test", props, clock, meters, oldest);

        job.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> oldest.seconds() == Duration.ofDays(2).toSeconds());
            assertThat(meters.get(OldestPersonalData.GAUGE).gauge().value()).isEqualTo(Duration.ofDays(2).toSeconds());
            assertThat(calls).hasValue(0);
            assertThat(meters.counter("shipments_retention_purged_rows", "task", "counting").count()).isZero();
        } finally {
            job.stop();
        }
    }

    @Test
    void aTaskIsCalledWithTheClocksNowUntilItPurgesLessThanABatch() {
        List<Integer> answers = List.of(10, 10, 3);
        AtomicInteger call = new AtomicInteger();
        RetentionTask task = task("three-batches", (now, limit) -> {
            assertThat(now).isEqualTo(NOW);
            assertThat(limit).isEqualTo(10);
            return answers.get(call.getAndIncrement());
        });
        var job = new RetentionJob(List.of(task), alwaysGranted, "test", props, clock, meters, null);

        assertThat(job.run()).containsExactly(new RetentionJob.Purge("three-batches", 23, 3, false));
        assertThat(meters.counter("shipments_retention_purged_rows", "task", "three-batches").count()).isEqualTo(23);
    }

    @Test
    void aFailureIsDescribedByItsClassesAndSqlStateNeverByItsMessage() {
        var failure = new DataIntegrityViolationException("Duplicate entry 'Maria da Silva' for key 'name'",
                new SQLIntegrityConstraintViolationException("Duplicate entry 'Maria da Silva'", "23000", 1062));

        assertThat(RetentionJob.describe(failure))
                .isEqualTo("org.springframework.dao.DataIntegrityViolationException"
                        + " <- java.sql.SQLIntegrityConstraintViolationException (SQL state 23000)")
                .doesNotContain("Maria");
    }

    private static RetentionTask task(String name, java.util.function.BiFunction<Instant, Integer, Integer> purge) {
        return new RetentionTask() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int purge(Instant now, int limit) {
                return purge.apply(now, limit);
            }
        };
    }

    private static PersonalDataHolder holderSince(Instant oldest) {
        return new PersonalDataHolder() {
            @Override
            public int erase(String trackingCode, PersonalDataErasureRequested.Reason reason) {
                return 0;
            }

            @Override
            public Optional<Instant> oldestHeld() {
                return Optional.of(oldest);
            }
        };
    }
}
