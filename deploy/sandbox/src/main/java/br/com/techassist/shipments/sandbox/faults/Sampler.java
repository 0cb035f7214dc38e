package br.com.techassist.shipments.sandbox.faults;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Picks a share of events deterministically: with rate r, the n-th event (1-based) is picked when
 * ⌊n·r⌋ > ⌊(n−1)·r⌋, so r = 0.25 picks every fourth and the share is exact over any run.
 */
final class Sampler {

    private final AtomicLong seen = new AtomicLong();

    boolean pick(double rate) {
        if (rate <= 0) {
            return false;
        }
        long n = seen.incrementAndGet();
        return Math.floor(n * rate) > Math.floor((n - 1) * rate);
    }
}
