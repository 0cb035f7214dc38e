package br.com.techassist.shipments.support.privacy;

import br.com.techassist.shipments.support.worker.Worker;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs every {@link RetentionTask} of the service each {@code shipments.privacy.purge-interval},
 * under the ShedLock lock {@code <service>-retention} (one replica at a time; a replica that finds
 * it taken skips the turn). Each task is called in batches of {@code batch-size} until a call
 * purges fewer rows than asked, at most {@value #MAX_BATCHES_PER_RUN} batches per run (the rest
 * waits for the next run). Purged rows are counted in {@code shipments_retention_purged_rows_total{task}};
 * a task that fails is logged without its data, counted in {@code shipments_retention_failures_total{task}},
 * and neither stops the other tasks nor the job. Each run, and the start, also refresh
 * {@code shipments_personal_data_oldest_seconds}. The first run comes one interval after the start.
 */
public class RetentionJob implements SmartLifecycle {

    /** Batches of one task in one run, so that a run is bounded. */
    static final int MAX_BATCHES_PER_RUN = 200;

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final List<RetentionTask> tasks;
    private final LockingTaskExecutor locks;
    private final String lockName;
    private final PrivacyProperties props;
    private final Clock clock;
    private final MeterRegistry meters;
    private final @Nullable OldestPersonalData oldest;
    private final Worker worker;
    private volatile boolean started;

    RetentionJob(List<RetentionTask> tasks, LockProvider locks, String service, PrivacyProperties props, Clock clock,
            MeterRegistry meters, @Nullable OldestPersonalData oldest) {
        this.tasks = List.copyOf(tasks);
        this.locks = new DefaultLockingTaskExecutor(locks);
        this.lockName = service + "-retention";
        this.props = props;
        this.clock = clock;
        this.meters = meters;
        this.oldest = oldest;
        for (RetentionTask task : this.tasks) { // every task's series from the start
            meters.counter("shipments_retention_purged_rows", "task", task.name());
            meters.counter("shipments_retention_failures", "task", task.name());
        }
        this.worker = Worker.of("retention", props.purgeInterval(), props.purgeInterval(), () -> {
            if (started) {
                run();
            } else {
                started = true;
                refreshOldest();
            }
            return false;
        });
    }

    /**
     * One run now, if this replica gets the lock: every task, then the gauge.
     *
     * @return the rows purged by each task (empty when another replica holds the lock)
     */
    public List<Purge> run() {
        List<Purge> purged = new ArrayList<>();
        try {
            Runnable purgeAll = () -> purgeAll(purged);
            locks.executeWithLock(purgeAll,
                    new LockConfiguration(ClockProvider.now(), lockName, props.purgeInterval(), Duration.ZERO));
        } finally {
            refreshOldest(); // each replica's own gauge, lock or not
        }
        return purged;
    }

    /** What one task purged in a run. */
    public record Purge(String task, int rows, int batches, boolean failed) {}

    private void purgeAll(List<Purge> into) {
        Instant now = clock.instant();
        for (RetentionTask task : tasks) {
            into.add(purge(task, now));
        }
    }

    private Purge purge(RetentionTask task, Instant now) {
        var counter = meters.counter("shipments_retention_purged_rows", "task", task.name());
        int total = 0;
        int batches = 0;
        int rows;
        try {
            do {
                rows = task.purge(now, props.batchSize());
                batches++;
                total += rows;
                counter.increment(rows);
            } while (rows >= props.batchSize() && batches < MAX_BATCHES_PER_RUN);
        } catch (RuntimeException e) {
            meters.counter("shipments_retention_failures", "task", task.name()).increment();
            log.warn("retention task {} failed after {} rows in {} batches: {}", task.name(), total, batches, describe(e));
            return new Purge(task.name(), total, batches, true);
        }
        if (total > 0) {
            log.info("retention task {}: {} rows purged in {} batches{}", task.name(), total, batches,
                    rows >= props.batchSize() ? " (more left for the next run)" : "");
        }
        return new Purge(task.name(), total, batches, false);
    }

    private void refreshOldest() {
        if (oldest == null) {
            return;
        }
        try {
            oldest.refresh();
        } catch (RuntimeException e) {
            log.warn("cannot tell the age of the oldest personal data held: {}", describe(e));
        }
    }

    /**
     * The exception's class chain and SQL state, never its messages: those may quote the data
     * (a duplicate key, a value too long).
     */
    static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            out.append(out.isEmpty() ? "" : " <- ").append(t.getClass().getName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                out.append(" (SQL state ").append(sql.getSQLState()).append(')');
            }
        }
        return out.toString();
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop(Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
