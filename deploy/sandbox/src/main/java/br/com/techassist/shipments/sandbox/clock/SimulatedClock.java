package br.com.techassist.shipments.sandbox.clock;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's accelerated clock, in Brasília local time (Correios timestamps carry no offset).
 * Simulated time = start + real time elapsed × speed + any manual advance. Thread-safe.
 */
public final class SimulatedClock {

    /** Correios' time zone. */
    public static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");

    private final LocalDateTime start;
    private final double speed;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final AtomicLong advancedNanos = new AtomicLong();

    public SimulatedClock(@Nullable LocalDateTime start, double speed) {
        this(start, speed, System::nanoTime);
    }

    SimulatedClock(@Nullable LocalDateTime start, double speed, LongSupplier nanoTime) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("clock speed must be positive, was " + speed);
        }
        this.start = (start != null ? start : LocalDateTime.now(BRASILIA)).truncatedTo(ChronoUnit.SECONDS);
        this.speed = speed;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    /** The simulated Brasília local time now. */
    public LocalDateTime now() {
        double simulatedNanos = (nanoTime.getAsLong() - startNanos) * speed + advancedNanos.get();
        return start.plusNanos((long) simulatedNanos);
    }

    /** Jumps the simulated time forward. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        advancedNanos.addAndGet(by.toNanos());
    }

    /** Simulated seconds per real second. */
    public double speed() {
        return speed;
    }

    /**
     * The real (wall-clock) Brasília date of the simulated moment {@code simulated}: now on the real
     * calendar minus the real time the simulated clock took since then.
     */
    public java.time.LocalDate realDateOf(LocalDateTime simulated) {
        Duration ago = Duration.between(simulated, now());
        return LocalDateTime.now(BRASILIA).minus(realTimeFor(ago.isNegative() ? Duration.ZERO : ago)).toLocalDate();
    }

    /** The real time that {@code simulated} of simulated time takes. */
    public Duration realTimeFor(Duration simulated) {
        return Duration.ofNanos((long) (simulated.toNanos() / speed));
    }
}
