package br.com.techassist.shipments.support.privacy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gauge {@code shipments_personal_data_oldest_seconds}: how old the oldest personal data this
 * service holds is ({@link PersonalDataHolder#oldestHeld}; 0 when it holds none). Computed at start
 * and at each retention run, never per scrape, so a scrape costs no query.
 */
final class OldestPersonalData {

    static final String GAUGE = "shipments_personal_data_oldest_seconds";

    private final PersonalDataHolder holder;
    private final Clock clock;
    private final AtomicLong seconds = new AtomicLong();

    OldestPersonalData(PersonalDataHolder holder, Clock clock, MeterRegistry meters) {
        this.holder = holder;
        this.clock = clock;
        Gauge.builder(GAUGE, seconds, AtomicLong::get)
                .description("age of the oldest personal data this service holds (0: none)")
                .register(meters);
    }

    /** Asks the holder again. */
    void refresh() {
        seconds.set(holder.oldestHeld()
                .map(since -> Math.max(0, Duration.between(since, clock.instant()).toSeconds()))
                .orElse(0L));
    }

    long seconds() {
        return seconds.get();
    }
}
