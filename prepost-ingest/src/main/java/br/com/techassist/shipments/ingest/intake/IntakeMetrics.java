package br.com.techassist.shipments.ingest.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Meters of the intake (listed in the module README). */
@Component
class IntakeMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter seen;
    private final Counter registered;
    private final AtomicLong lastSuccess = new AtomicLong();

    IntakeMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.seen = Counter.builder("ingest.prepostings.seen").description("pre-postings listed by Correios")
                .register(registry);
        this.registered = Counter.builder("ingest.prepostings.new")
                .description("tracking codes registered from pre-postings").register(registry);
        Gauge.builder("ingest.poll.last.success", lastSuccess, AtomicLong::get)
                .description("when the last poll succeeded (Unix time; 0 = never since start)")
                .baseUnit("seconds")
                .register(registry);
        // at zero from the start, so alerts and dashboards see the series before the first rejection
        for (Rejection.Reason reason : Rejection.Reason.values()) {
            rejections(reason);
        }
    }

    /** Counts a committed page. */
    void counted(int seenItems, int registeredItems, java.util.List<Rejection.Reason> newRejections) {
        seen.increment(seenItems);
        registered.increment(registeredItems);
        newRejections.forEach(this::rejected);
    }

    private void rejected(Rejection.Reason reason) {
        rejections(reason).increment();
    }

    private Counter rejections(Rejection.Reason reason) {
        return Counter.builder("ingest.prepostings.rejected")
                .description("pre-postings rejected for the first time")
                .tag("reason", reason.name())
                .register(registry);
    }

    void pollEnded(String outcome, long startNanos) {
        Timer.builder("ingest.poll").description("pre-posting polls").tag("outcome", outcome).register(registry)
                .record(System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if ("success".equals(outcome)) {
            lastSuccess.set(clock.instant().getEpochSecond());
        }
    }
}
