package br.com.techassist.shipments.notifier.dispatch;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Runs sends on virtual threads at most {@code ratePerSecond} starts per second and at most
 * {@code maxInFlight} at once, so a slow provider (e.g. 200 ms per answer) still gets the full rate:
 * 80/s × 0.2 s needs only 16 sends in flight.
 */
final class Throttle implements AutoCloseable {

    /** Time as the throttle sees it: the system's monotonic clock, or a fake one in tests. */
    interface Ticker {
        long nanoTime();

        /** Waits about {@code nanos}; throws when the thread is interrupted. */
        void park(long nanos) throws InterruptedException;

        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void park(long nanos) throws InterruptedException {
                LockSupport.parkNanos(nanos);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        };
    }

    private final Ticker ticker;
    private final long intervalNanos;
    private final Semaphore inFlight;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final long catchUpNanos;
    private long nextStart = Long.MIN_VALUE;

    Throttle(int ratePerSecond, int maxInFlight) {
        this(ratePerSecond, maxInFlight, Ticker.SYSTEM);
    }

    Throttle(int ratePerSecond, int maxInFlight, Ticker ticker) {
        this.ticker = ticker;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        this.catchUpNanos = Math.max(intervalNanos, TimeUnit.MILLISECONDS.toNanos(100));
        this.inFlight = new Semaphore(maxInFlight);
    }

    /** Blocks until the rate and the in-flight limit allow one more start, then runs {@code task}. */
    void submit(Runnable task) throws InterruptedException {
        submit(task, () -> true);
    }

    /**
     * Like {@link #submit(Runnable)}, but gives up while waiting for an in-flight slot as soon as
     * {@code wanted} turns false; returns whether {@code task} was started.
     */
    boolean submit(Runnable task, BooleanSupplier wanted) throws InterruptedException {
        while (!inFlight.tryAcquire(50, TimeUnit.MILLISECONDS)) {
            if (!wanted.getAsBoolean()) {
                return false;
            }
        }
        try {
            pace();
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    inFlight.release();
                }
            });
            return true;
        } catch (RuntimeException | InterruptedException e) {
            inFlight.release();
            throw e;
        }
    }

    /** Waits at most {@code max} until an in-flight slot is free; returns whether one is. */
    boolean awaitRoom(Duration max) throws InterruptedException {
        if (inFlight.tryAcquire(max.toNanos(), TimeUnit.NANOSECONDS)) {
            inFlight.release();
            return true;
        }
        return false;
    }

    /** Free in-flight slots. */
    int available() {
        return inFlight.availablePermits();
    }

    /**
     * Waits for the next start slot. Slots missed by up to 100 ms (the thread was not scheduled in
     * time) are caught up, so the average rate holds on a busy machine; longer gaps are not.
     */
    private synchronized void pace() throws InterruptedException {
        if (nextStart == Long.MIN_VALUE) {
            nextStart = ticker.nanoTime();
        }
        long wait;
        while ((wait = nextStart - ticker.nanoTime()) > 0) {
            ticker.park(wait);
        }
        nextStart = Math.max(ticker.nanoTime() - catchUpNanos, nextStart) + intervalNanos;
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
