package br.com.techassist.shipments.correios;

import br.com.techassist.shipments.correios.CorreiosMetrics.Outcome;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP exchange with Correios, made robust: timeouts, retries of 429/5xx/I-O failures with
 * exponential back-off that honours {@code Retry-After}, a circuit breaker per API, and a timer
 * per attempt. Answers other than 429/5xx (including 4xx) are returned to the caller.
 */
final class CorreiosHttp {

    private static final Logger log = LoggerFactory.getLogger(CorreiosHttp.class);

    private final RestClient rest;
    private final CorreiosProperties.Retry retry;
    private final CircuitBreakerRegistry breakers;
    private final ConcurrentMap<String, CircuitBreaker> watched = new ConcurrentHashMap<>();
    private final CorreiosMetrics metrics;
    private final Sleeper sleeper;

    CorreiosHttp(CorreiosProperties props, CorreiosMetrics metrics, Sleeper sleeper) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) // never the common pool
                .connectTimeout(props.connectTimeout())
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(props.readTimeout());
        this.rest = RestClient.builder().baseUrl(props.baseUrl().toString()).requestFactory(factory).build();
        this.retry = props.retry();
        var cb = props.circuitBreaker();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(cb.slidingWindowSize())
                .minimumNumberOfCalls(cb.minimumNumberOfCalls())
                .failureRateThreshold(cb.failureRateThreshold())
                .waitDurationInOpenState(cb.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
        this.metrics = metrics;
        this.sleeper = sleeper;
        KNOWN_APIS.forEach(this::breaker); // so that their state is exported before the first call
    }

    /** The APIs this library calls; their names tag the meters. */
    static final List<String> KNOWN_APIS = List.of("token", "rastro", "prepostagem");

    /** A request: method, URI relative to the base URL, headers and an optional JSON body. */
    record Call(HttpMethod method, Function<UriBuilder, URI> uri, HttpHeaders headers, byte @Nullable [] body) {}

    /** A received answer. */
    record Answer(int status, HttpHeaders headers, byte[] body) {

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        boolean isAuthFailure() {
            return status == 401 || status == 403;
        }
    }

    CircuitBreaker breaker(String api) {
        return watched.computeIfAbsent(api, name -> {
            CircuitBreaker breaker = breakers.circuitBreaker(name);
            breaker.getEventPublisher().onStateTransition(e -> log.warn("Correios {} circuit breaker: {}", name,
                    e.getStateTransition()));
            metrics.watch(name, breaker);
            return breaker;
        });
    }

    /**
     * Sends the call, retrying 429, 5xx and I/O failures.
     *
     * @param beforeAttempt run before each attempt (e.g. a rate limiter)
     * @throws CorreiosUnavailableException when every attempt failed or the circuit is open
     */
    Answer execute(String api, Call call, Runnable beforeAttempt) {
        CircuitBreaker breaker = breaker(api);
        String what = api + " " + call.method();
        for (int attempt = 1; ; attempt++) {
            if (!breaker.tryAcquirePermission()) {
                metrics.request(api, Outcome.CIRCUIT_OPEN, 0, Duration.ZERO);
                throw new CorreiosUnavailableException(
                        "Correios " + api + " circuit breaker is open after repeated failures; try later", 0,
                        List.of(), null);
            }
            beforeAttempt.run();
            long start = System.nanoTime();
            Answer answer;
            try {
                answer = send(call);
            } catch (ResourceAccessException e) {
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                breaker.onError(took.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS, e);
                metrics.request(api, Outcome.IO_ERROR, 0, took);
                if (attempt >= retry.maxAttempts()) {
                    throw new CorreiosUnavailableException("Correios " + what + " failed after " + attempt
                            + " attempts: " + rootMessage(e), 0, List.of(), e);
                }
                log.warn("Correios {} attempt {} failed ({}); retrying", what, attempt, rootMessage(e));
                pause(backoff(attempt, null));
                continue;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            boolean retryable = answer.status() == 429 || answer.status() >= 500;
            if (!retryable) {
                breaker.onSuccess(took.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
                metrics.request(api, answer.isSuccess() ? Outcome.SUCCESS : Outcome.CLIENT_ERROR, answer.status(),
                        took);
                return answer;
            }
            List<String> msgs = messages(answer.body());
            breaker.onError(took.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS,
                    new IOException("HTTP " + answer.status()));
            metrics.request(api, answer.status() == 429 ? Outcome.RATE_LIMITED : Outcome.SERVER_ERROR,
                    answer.status(), took);
            if (attempt >= retry.maxAttempts()) {
                throw new CorreiosUnavailableException(describe("Correios " + what + " still answered "
                        + answer.status() + " after " + attempt + " attempts", msgs), answer.status(), msgs, null);
            }
            Duration wait = backoff(attempt, answer.headers().getFirst(HttpHeaders.RETRY_AFTER));
            log.warn("Correios {} answered {}{}; retrying in {} ms", what, answer.status(),
                    msgs.isEmpty() ? "" : " " + msgs, wait.toMillis());
            pause(wait);
        }
    }

    private Answer send(Call call) {
        RestClient.RequestBodySpec spec = rest.method(call.method()).uri(call.uri()).headers(h -> h.addAll(call.headers()));
        if (call.body() != null) {
            spec.body(call.body());
        }
        return spec.exchange((request, response) -> new Answer(response.getStatusCode().value(),
                HttpHeaders.readOnlyHttpHeaders(response.getHeaders()), response.getBody().readAllBytes()), true);
    }

    Duration backoff(int attempt, @Nullable String retryAfter) {
        Duration max = retry.maxBackoff();
        Duration serverWish = parseRetryAfter(retryAfter);
        if (serverWish != null) {
            return serverWish.compareTo(max) > 0 ? max : serverWish;
        }
        Duration exp = retry.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return exp.compareTo(max) > 0 ? max : exp;
    }

    private static @Nullable Duration parseRetryAfter(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(java.time.Instant.now(),
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CorreiosUnavailableException("interrupted while waiting to retry a Correios call", 0, List.of(),
                    e);
        }
    }

    /** The {@code msgs[]} of a Correios error body; empty when the body is not one. */
    static List<String> messages(byte[] body) {
        if (body.length == 0) {
            return List.of();
        }
        try {
            JsonNode node = CorreiosJson.mapper().readTree(body);
            JsonNode msgs = node.path("msgs");
            List<String> out = new ArrayList<>();
            if (msgs.isArray()) {
                msgs.forEach(m -> out.add(m.asString()));
            } else if (msgs.isString()) {
                out.add(msgs.asString());
            }
            return out;
        } catch (RuntimeException notJson) {
            return List.of();
        }
    }

    static String describe(String what, List<String> msgs) {
        return msgs.isEmpty() ? what : what + ": " + String.join("; ", msgs);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** Waits between attempts (replaceable in tests). */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }
}
