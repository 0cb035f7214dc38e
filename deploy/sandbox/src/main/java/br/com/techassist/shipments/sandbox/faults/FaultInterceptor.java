package br.com.techassist.shipments.sandbox.faults;

import br.com.techassist.shipments.sandbox.faults.Faults.Api;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Injects the faults of one API before its handlers run: latency, slow answers ("timeouts"),
 * 429 bursts (empty body) and 5xx errors in the API's own error format.
 */
final class FaultInterceptor implements HandlerInterceptor {

    private final Api api;
    private final Faults faults;
    private final FaultResponses responses;
    private final MeterRegistry meters;
    private final AtomicInteger burstLeft = new AtomicInteger();

    FaultInterceptor(Api api, Faults faults, FaultResponses responses, MeterRegistry meters) {
        this.api = api;
        this.faults = faults;
        this.responses = responses;
        this.meters = meters;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException, InterruptedException {
        FaultSettings settings = faults.of(api);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        pause(settings.latency());
        if (settings.timeoutRate() > 0 && random.nextDouble() < settings.timeoutRate()) {
            count("timeout");
            pause(settings.timeoutDelay());
        }
        if (inBurst(settings, random)) {
            count("rate-limit");
            responses.tooManyRequests(api, request, response);
            return false;
        }
        if (settings.errorRate() > 0 && random.nextDouble() < settings.errorRate()) {
            count("error");
            responses.serverError(api, request, response);
            return false;
        }
        return true;
    }

    private boolean inBurst(FaultSettings settings, ThreadLocalRandom random) {
        if (settings.burstRate() <= 0) {
            burstLeft.set(0);
            return false;
        }
        if (burstLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            return true;
        }
        if (random.nextDouble() < settings.burstRate()) {
            burstLeft.set(settings.burstLength() - 1);
            return true;
        }
        return false;
    }

    private void count(String fault) {
        Counter.builder("sandbox.faults.injected")
                .description("Faults injected into the fake APIs")
                .tag("api", api.name().toLowerCase(java.util.Locale.ROOT))
                .tag("fault", fault)
                .register(meters)
                .increment();
    }

    private static void pause(Duration duration) throws InterruptedException {
        if (duration.isPositive()) {
            Thread.sleep(duration);
        }
    }
}
