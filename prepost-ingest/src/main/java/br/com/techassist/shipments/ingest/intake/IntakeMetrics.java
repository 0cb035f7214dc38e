package br.com.techassist.shipments.ingest.intake;

import br.com.techassist.shipments.correios.CorreiosAuthenticationException;
import br.com.techassist.shipments.correios.CorreiosException;
import br.com.techassist.shipments.correios.CorreiosUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.Locale;
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
        for (FailureCause cause : FailureCause.values()) {
            failures(cause);
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

    /** Counts a failed poll by its cause: {@code not_found}, {@code auth}, {@code unavailable} or {@code error}. */
    void pollFailed(CorreiosException e) {
        failures(FailureCause.of(e)).increment();
    }

    private Counter failures(FailureCause cause) {
        return Counter.builder("ingest.poll.failures")
                .description("failed pre-posting polls by cause")
                .tag("cause", cause.tag())
                .register(registry);
    }

    /** Why a poll failed: the {@code cause} tag of {@code ingest.poll.failures}. */
    enum FailureCause {
        /** a 404 that is not the API's "nothing found" (wrong setup) */
        NOT_FOUND,
        /** credentials refused */
        AUTH,
        /** 5xx, 429, timeouts, open circuit */
        UNAVAILABLE,
        /** anything else (other 4xx, unreadable answers) */
        ERROR;

        static FailureCause of(CorreiosException e) {
            if (e instanceof CorreiosAuthenticationException) {
                return AUTH;
            }
            if (e instanceof CorreiosUnavailableException) {
                return UNAVAILABLE;
            }
            return e.status() == 404 ? NOT_FOUND : ERROR;
        }

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    void pollEnded(String outcome, long startNanos) {
        Timer.builder("ingest.poll").description("pre-posting polls").tag("outcome", outcome).register(registry)
                .record(System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if ("success".equals(outcome)) {
            lastSuccess.set(clock.instant().getEpochSecond());
        }
    }
}
