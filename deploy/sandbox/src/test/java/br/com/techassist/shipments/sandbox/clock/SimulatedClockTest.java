package br.com.techassist.shipments.sandbox.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 11, 27, 9, 0);

    @Test
    void oneRealMinuteIsOneSimulatedDayAtSpeed1440() {
        AtomicLong nanos = new AtomicLong(1_000);
        SimulatedClock clock = new SimulatedClock(START, 1440, nanos::get);

        nanos.addAndGet(Duration.ofMinutes(1).toNanos());

        assertThat(clock.now()).isEqualTo(START.plusDays(1));
        assertThat(clock.realTimeFor(Duration.ofDays(2))).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void advanceJumpsForwardOnly() {
        AtomicLong nanos = new AtomicLong();
        SimulatedClock clock = new SimulatedClock(START, 1, nanos::get);

        clock.advance(Duration.ofHours(5));

        assertThat(clock.now()).isEqualTo(START.plusHours(5));
        assertThatThrownBy(() -> clock.advance(Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
