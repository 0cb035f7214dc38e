package br.com.techassist.shipments.tracking.poller;

import br.com.techassist.shipments.tracking.TrackingProperties;
import br.com.techassist.shipments.tracking.poller.BatchPlanner.Candidate;
import br.com.techassist.shipments.tracking.source.TrackingReport;
import br.com.techassist.shipments.tracking.source.TrackingSource;
import br.com.techassist.shipments.tracking.source.TrackingUnavailableException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One polling cycle of this instance: the due objects of the partitions it owns, most urgent first,
 * packed into batches of up to 50 codes, requested no faster than the configured rate. When
 * Correios is unavailable (5xx/429 after the client's retries, circuit open) the cycle stops, the
 * unanswered batch is retried after the minimum interval, the rest stays due, and polling pauses
 * (the pause doubles while the outage lasts, up to the minimum interval). Nothing about an object
 * changes unless Correios answered for it, so an outage raises no "stalled" alert and the next
 * cycles catch up.
 */
@Component
class PollingCycle {

    private static final Logger log = LoggerFactory.getLogger(PollingCycle.class);

    private final TrackedObjects objects;
    private final PartitionOwnership ownership;
    private final TrackingSource source;
    private final BatchRecorder recorder;
    private final PollSchedule schedule;
    private final TrackingMetrics metrics;
    private final Clock clock;
    private final TrackingProperties.Poll settings;
    private final RequestPacer pacer;
    private final String instance;
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile Duration pause;

    PollingCycle(TrackedObjects objects, PartitionOwnership ownership, TrackingSource source, BatchRecorder recorder,
            PollSchedule schedule, TrackingMetrics metrics, Clock clock, TrackingProperties props) {
        this.objects = objects;
        this.ownership = ownership;
        this.source = source;
        this.recorder = recorder;
        this.schedule = schedule;
        this.metrics = metrics;
        this.clock = clock;
        this.settings = props.poll();
        this.pacer = RequestPacer.perSecond(settings.requestsPerSecond());
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.pause = schedule.unavailableBackoff();
    }

    /** What a cycle did. */
    record Result(int requests, int codes, boolean interrupted) {}

    /** Runs one cycle now (the loop calls it every tick; tests call it directly). */
    synchronized Result runOnce() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return new Result(0, 0, true);
        }
        List<Candidate> candidates = objects.candidates(ownership.partitions(), now, now.plus(schedule.fillAhead()),
                now.minus(schedule.minInterval()), settings.batchSize() * settings.maxBatchesPerCycle());
        List<List<Candidate>> batches = BatchPlanner.plan(candidates, now, settings.batchSize(),
                settings.maxBatchesPerCycle());
        if (batches.isEmpty()) {
            refreshGauges();
            return new Result(0, 0, false);
        }
        Queue<List<Candidate>> queue = new ConcurrentLinkedQueue<>(batches);
        AtomicBoolean unavailable = new AtomicBoolean();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger codes = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(settings.concurrency(), batches.size()); i++) {
            workers.add(Thread.ofVirtual().name("tracking-batch-" + i).start(() -> {
                List<Candidate> batch;
                while (!unavailable.get() && (batch = queue.poll()) != null) {
                    List<String> owned = batch.stream().filter(c -> ownership.owns(c.partition()))
                            .map(Candidate::trackingCode).toList();
                    if (!owned.isEmpty() && request(owned, now, unavailable)) {
                        requests.incrementAndGet();
                        codes.addAndGet(owned.size());
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (unavailable.get()) {
            pausedUntil = now.plus(pause);
            log.warn("Correios unavailable: polling paused until {}; {} batches left for later", pausedUntil,
                    queue.size());
            pause = pause.multipliedBy(2).compareTo(schedule.minInterval()) > 0 ? schedule.minInterval()
                    : pause.multipliedBy(2);
        } else {
            pause = schedule.unavailableBackoff();
        }
        refreshGauges();
        metrics.cycle(Duration.ofNanos(System.nanoTime() - started));
        log.info("polling cycle: {} objects in {} requests{}", codes.get(), requests.get(),
                unavailable.get() ? " (stopped early: Correios unavailable)" : "");
        return new Result(requests.get(), codes.get(), unavailable.get());
    }

    /** Requests one batch and records the answer; false when nothing was requested. */
    private boolean request(List<String> codes, Instant now, AtomicBoolean unavailable) {
        try {
            pacer.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable.set(true);
            return false;
        }
        long start = System.nanoTime();
        List<TrackingReport> reports;
        try {
            reports = source.track(codes);
        } catch (TrackingUnavailableException e) {
            metrics.request(e.reason(), codes.size(), Duration.ofNanos(System.nanoTime() - start));
            log.warn("SRO Rastro request for {} codes failed ({}): {}", codes.size(), e.reason(), e.getMessage());
            unavailable.set(true);
            record(codes, () -> recorder.unanswered(codes, now, instance));
            return true;
        }
        metrics.request("ok", codes.size(), Duration.ofNanos(System.nanoTime() - start));
        record(codes, () -> recorder.answered(codes, reports, now, instance));
        return true;
    }

    /**
     * Stores what a request taught us. If the database is away the transaction rolls back and the
     * objects stay due, so the next cycle asks again: logged, never an uncaught thread death.
     */
    private static void record(List<String> codes, Runnable store) {
        try {
            store.run();
        } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
            log.warn("could not store the answer for {} codes, they stay due and are asked again: {}", codes.size(),
                    e.getMostSpecificCause().getMessage());
        }
    }

    /** The name this instance writes into {@code tracked_object.polled_by}. */
    String instance() {
        return instance;
    }

    private void refreshGauges() {
        metrics.objects(objects.countByMilestone());
    }
}
