package br.com.techassist.shipments.notifier.dispatch;

import static org.springframework.core.NestedExceptionUtils.getMostSpecificCause;

import br.com.techassist.shipments.support.Outages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the providers' answers in groups: one thread takes the answers that came in during the last
 * {@code linger} (at most {@code maxGroup}) and records them in one transaction, so 1,000 sends per
 * second cost a few dozen transactions, not 1,000. A group that cannot be written is retried answer
 * by answer; an answer that still cannot be written stays SENDING and becomes UNCERTAIN at the next
 * sweep (never resent), as does an answer lost in a crash before it was written.
 *
 * <p>{@link #close()} writes everything queued before it returns.
 */
final class OutcomeWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutcomeWriter.class);

    /** How long answers are kept trying while the database is away (within the 30 s {@link #close()} waits). */
    static final Duration OUTAGE_PATIENCE = Duration.ofSeconds(20);

    private final SendOutcomes outcomes;
    private final long lingerNanos;
    private final int maxGroup;
    private final Consumer<List<Answer>> written;
    private final Runnable halt;
    private final BlockingQueue<Answer> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;

    /**
     * @param written called with every group once it was written (or given up on)
     * @param halt called when an answer says sending must stop (credentials refused)
     */
    OutcomeWriter(SendOutcomes outcomes, Duration linger, int maxGroup, Consumer<List<Answer>> written, Runnable halt) {
        this.outcomes = outcomes;
        this.lingerNanos = linger.toNanos();
        this.maxGroup = maxGroup;
        this.written = written;
        this.halt = halt;
        this.thread = Thread.ofPlatform().name("notifier-outcomes").daemon().start(this::loop);
    }

    /** Queues an answer for the next group; after {@link #close()} it is written right away by the caller. */
    void add(Answer answer) {
        if (closing && !thread.isAlive()) {
            write(List.of(answer));
            return;
        }
        queue.add(answer);
    }

    private void loop() {
        while (!closing || !queue.isEmpty()) {
            try {
                Answer first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    write(collect(first));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("writing send outcomes failed: {}", e.toString(), e);
            }
        }
    }

    /** {@code first} and whatever else arrives within the linger, up to the group size. */
    private List<Answer> collect(Answer first) throws InterruptedException {
        List<Answer> group = new ArrayList<>(maxGroup);
        group.add(first);
        long deadline = System.nanoTime() + lingerNanos;
        while (group.size() < maxGroup) {
            queue.drainTo(group, maxGroup - group.size());
            long left = deadline - System.nanoTime();
            if (group.size() >= maxGroup || left <= 0 || closing) {
                break;
            }
            // in short slices, so that close() does not wait for a long linger
            Answer next = queue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(10)), TimeUnit.NANOSECONDS);
            if (next != null) {
                group.add(next);
            }
        }
        return group;
    }

    private void write(List<Answer> group) {
        try {
            long start = System.nanoTime();
            if (recordThroughOutages(group)) {
                halt.run();
            }
            if (log.isDebugEnabled()) {
                log.debug("{} answers recorded in {} ms, {} queued", group.size(), (System.nanoTime() - start) / 1_000_000,
                        queue.size());
            }
        } catch (RuntimeException groupFailed) {
            if (group.size() == 1) {
                log.error("the answer for notification {} could not be recorded; it will become UNCERTAIN: {}",
                        group.getFirst().notificationId(), groupFailed.toString(), groupFailed);
            } else {
                log.warn("a group of {} answers could not be recorded ({}); recording them one by one", group.size(),
                        groupFailed.toString());
                group.forEach(answer -> write(List.of(answer)));
                return;
            }
        }
        written.accept(group);
    }

    /**
     * Records a group; while the database is away (a failover, a killed connection) the same group
     * is tried again, backing off from 100 ms to 2 s, for up to {@link #OUTAGE_PATIENCE}: the
     * answers are known, and giving up on them would turn messages the provider answered into
     * UNCERTAIN ones (or a refusal it answered into a message never sent).
     */
    private boolean recordThroughOutages(List<Answer> group) {
        long giveUpAt = System.nanoTime() + OUTAGE_PATIENCE.toNanos();
        long pauseMillis = 100;
        while (true) {
            try {
                return outcomes.record(group);
            } catch (RuntimeException e) {
                if (!Outages.isOutage(e) || System.nanoTime() + pauseMillis * 1_000_000 > giveUpAt) {
                    throw e;
                }
                // an outage (failover, killed connection) or a transient conflict (a deadlock with a consumer's
                // batch, a lock wait timeout): both pass, so the same group is tried again
                log.warn("database away or busy while recording {} answer(s) ({}: {}); trying again in {} ms",
                        group.size(), e.getClass().getSimpleName(), getMostSpecificCause(e).getMessage(), pauseMillis);
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pauseMillis = Math.min(pauseMillis * 2, 2_000);
            }
        }
    }

    /** Stops taking new groups once the queue is empty and waits until the last one is written. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.error("send outcomes still being written after 30 s; {} queued", queue.size());
            return;
        }
        List<Answer> late = new ArrayList<>();
        queue.drainTo(late);
        if (!late.isEmpty()) {
            write(late);
        }
    }
}
