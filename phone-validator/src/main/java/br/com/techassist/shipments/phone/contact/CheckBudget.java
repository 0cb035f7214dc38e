package br.com.techassist.shipments.phone.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Caps the numbers asked of the provider per minute ({@code phone.checks.per-minute}) in this
 * replica: bulk checks get WhatsApp accounts banned. A fixed one-minute window.
 */
class CheckBudget {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final Clock clock;
    private Instant windowStart;
    private int used;

    CheckBudget(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
        this.windowStart = clock.instant();
    }

    /** Takes {@code numbers} checks from this minute's budget; false (and nothing taken) when they do not fit. */
    synchronized boolean tryAcquire(int numbers) {
        Instant now = clock.instant();
        if (!now.isBefore(windowStart.plus(WINDOW))) {
            windowStart = now;
            used = 0;
        }
        if (used + numbers > perMinute) {
            return false;
        }
        used += numbers;
        return true;
    }
}
