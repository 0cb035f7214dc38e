package br.com.techassist.shipments.correios;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The client's meters; names and tags are listed in the module README. */
final class CorreiosMetrics {

    private final MeterRegistry registry;
    private final Counter tokenRefreshes;

    CorreiosMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.tokenRefreshes = Counter.builder("correios.token.refreshes")
                .description("Correios tokens obtained")
                .register(registry);
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
        Counter.builder("correios.token.failures")
                .description("failed attempts to obtain a Correios token")
                .tag("reason", reason)
                .register(registry)
                .increment();
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
