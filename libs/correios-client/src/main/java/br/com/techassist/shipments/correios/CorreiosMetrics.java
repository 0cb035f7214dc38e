package br.com.techassist.shipments.correios;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The client's meters; names and tags are listed in the module README. */
final class CorreiosMetrics {

    /** Why a token could not be obtained: the {@code reason} tag of {@code correios.token.failures}. */
    static final java.util.List<String> TOKEN_FAILURE_REASONS = java.util.List.of("no_credentials", "unavailable",
            "rejected", "unreadable");

    private final MeterRegistry registry;
    private final Counter tokenRefreshes;

    CorreiosMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.tokenRefreshes = Counter.builder("correios.token.refreshes")
                .description("Correios tokens obtained")
                .register(registry);
        // at zero from the start, so alerts and dashboards see the series before the first failure
        TOKEN_FAILURE_REASONS.forEach(this::tokenFailures);
    }

    void request(String api, Outcome outcome, int status, Duration duration) {
        Timer.builder("correios.requests")
                .description("HTTP calls to Correios, one per attempt")
                .tag("api", api)
                .tag("outcome", outcome.name())
                .tag("status", status == 0 ? "NONE" : Integer.toString(status))
                .register(registry)
                .record(duration);
    }

    void tokenRefreshed() {
        tokenRefreshes.increment();
    }

    void tokenFailed(String reason) {
        tokenFailures(reason).increment();
    }

    private Counter tokenFailures(String reason) {
        return Counter.builder("correios.token.failures")
                .description("failed attempts to obtain a Correios token")
                .tag("reason", reason)
                .register(registry);
    }

    void watch(String api, CircuitBreaker breaker) {
        for (CircuitBreaker.State state : new CircuitBreaker.State[] {
            CircuitBreaker.State.CLOSED, CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN
        }) {
            Gauge.builder("correios.circuit.state", breaker, b -> b.getState() == state ? 1 : 0)
                    .description("1 for the current state of the circuit breaker of a Correios API")
                    .tag("api", api)
                    .tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
    }

    /** How one attempt ended. */
    enum Outcome {
        SUCCESS,
        CLIENT_ERROR,
        SERVER_ERROR,
        RATE_LIMITED,
        IO_ERROR,
        CIRCUIT_OPEN
    }
}
