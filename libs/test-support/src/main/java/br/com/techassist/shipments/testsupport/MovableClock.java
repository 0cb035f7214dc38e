package br.com.techassist.shipments.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock a test moves by hand; safe to read from the service's threads while the test moves it.
 * Either standing still ({@link #MovableClock(Instant)}: only the test moves it) or ticking with
 * another clock ({@link #MovableClock(Clock)}: real time goes on, and the test jumps ahead, e.g. past
 * a token's lifetime, instead of waiting for it).
 */
public final class MovableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** A clock standing at {@code start} until the test moves it. */
    public MovableClock(Instant start) {
        this.base = Clock.fixed(start, ZoneOffset.UTC);
    }

    /** A clock that ticks with {@code base} plus whatever the test moved it by. */
    public MovableClock(Clock base) {
        this.base = base;
    }

    /** Moves the clock to {@code instant} (a ticking clock goes on from there). */
    public void set(Instant instant) {
        offset.set(Duration.between(base.instant(), instant));
    }

    public void advance(Duration duration) {
        offset.updateAndGet(o -> o.plus(duration));
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
