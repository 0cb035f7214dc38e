package br.com.techassist.shipments.tracking.poller;

import java.util.function.LongSupplier;

/**
 * Spaces request starts so that no more than {@code perSecond} begin in any second, whichever
 * thread asks: each caller reserves the next free slot and waits for it.
 */
final class RequestPacer {

    private final long gapNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long nextFree;
    private boolean started;

    RequestPacer(double perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        this.gapNanos = Math.round(1_000_000_000d / perSecond);
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    static RequestPacer perSecond(double perSecond) {
        return new RequestPacer(perSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** Waits until the caller may start a request. */
    void acquire() throws InterruptedException {
        long wait = reserve();
        if (wait > 0) {
            sleeper.sleep(wait);
        }
    }

    private synchronized long reserve() {
        long now = nanoTime.getAsLong();
        if (!started || nextFree - now < 0) {
            nextFree = now;
            started = true;
        }
        long wait = nextFree - now;
        nextFree += gapNanos;
        return wait;
    }

    /** Waits a number of nanoseconds (replaceable in tests). */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }
}
