package br.com.techassist.shipments.support.worker;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The background loop every service runs its table-driven work with (outbox relay, tracking
 * polls, pending phone checks, message dispatch): one named platform thread that runs a pass
 * when woken up or when {@code interval} has passed, runs it again at once while the pass says more
 * work is waiting, and after a failed pass waits with a back-off doubling from {@code interval} up
 * to {@code maxBackoff} (a database or broker that is away is not hammered), then carries on.
 */
public final class Worker {

    /** One pass over the work that is due. */
    @FunctionalInterface
    public interface Pass {
        /**
         * @return true when more work is waiting right now (the pass runs again without waiting)
         */
        boolean run() throws InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    private final String name;
    private final Duration interval;
    private final Duration maxBackoff;
    private final Pass pass;
    private final Runnable onFailure;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    private Worker(String name, Duration interval, Duration maxBackoff, Pass pass, Runnable onFailure) {
        if (interval.isNegative() || interval.isZero() || maxBackoff.compareTo(interval) < 0) {
            throw new IllegalArgumentException(name + ": need 0 < interval <= maxBackoff, got " + interval + " and "
                    + maxBackoff);
        }
        this.name = name;
        this.interval = interval;
        this.maxBackoff = maxBackoff;
        this.pass = pass;
        this.onFailure = onFailure;
    }

    /** A worker named {@code name} (its thread's name), not yet started. */
    public static Worker of(String name, Duration interval, Duration maxBackoff, Pass pass) {
        return new Worker(name, interval, maxBackoff, pass, () -> {});
    }

    /** The same worker, calling {@code onFailure} after each failed pass (e.g. to count it). */
    public Worker onFailure(Runnable callback) {
        return new Worker(name, interval, maxBackoff, pass, callback);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
    }

    /** Runs a pass now instead of at the end of the interval. */
    public void wakeUp() {
        signal.release();
    }

    /**
     * Runs a pass once the caller's transaction has committed (the work it wrote is visible then),
     * at once when there is no transaction; nothing when it rolls back.
     */
    public void wakeUpAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUp();
                }
            });
        } else {
            wakeUp();
        }
    }

    /** Lets the pass that is running finish (at most {@code timeout}), then ends the thread. */
    public void stop(Duration timeout) {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        signal.release();
        if (t == null) {
            return;
        }
        try {
            t.join(timeout.toMillis());
            if (t.isAlive()) {
                log.warn("{} did not finish its pass within {}: interrupting it", name, timeout);
                t.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return running;
    }

    private void loop() {
        Duration wait = Duration.ZERO;
        while (running) {
            try {
                if (!wait.isZero()) {
                    signal.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
                    signal.drainPermits();
                }
                while (running && pass.run()) {
                    // more is waiting: go on at once
                }
                wait = interval;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                wait = wait.isZero() || wait.compareTo(interval) < 0 ? interval : wait.multipliedBy(2);
                wait = wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
                onFailure.run();
                log.warn("{} pass failed, trying again in {}: {}", name, wait, e.toString());
            }
        }
    }
}
