package br.com.techassist.shipments.sandbox.whatsapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Posts webhooks of the fake WhatsApp APIs, asynchronously: three attempts (1 s, then 2 s apart)
 * unless the receiver answers a status the caller names as final. The statuses of one message are
 * posted one after the other, each once the previous one is done.
 */
@Component
class WebhookPoster implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookPoster.class);
    private static final int ATTEMPTS = 3;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("sandbox-webhooks").factory());

    /** One webhook to post: target, JSON body, extra headers, and the answers never retried. */
    record Webhook(URI target, byte[] body, Map<String, String> headers, Set<Integer> finalStatuses) {}

    /**
     * Runs the steps of one message in order, {@code delay} apart: each step's side effect runs and its
     * webhook (if any) is posted, and the next step starts only once that post is done (delivered or
     * given up), so the receiver sees them in the order given.
     */
    void inOrder(Duration delay, List<Supplier<@Nullable Webhook>> steps) {
        next(delay, steps.iterator());
    }

    /** Posts one webhook now. */
    void post(Webhook webhook) {
        attempt(webhook, 1, new CompletableFuture<>());
    }

    private void next(Duration delay, Iterator<Supplier<@Nullable Webhook>> steps) {
        if (!steps.hasNext() || scheduler.isShutdown()) {
            return;
        }
        Supplier<@Nullable Webhook> step = steps.next();
        scheduler.schedule(() -> {
            Webhook webhook = step.get();
            CompletableFuture<Void> done = new CompletableFuture<>();
            if (webhook == null) {
                done.complete(null);
            } else {
                attempt(webhook, 1, done);
            }
            done.whenComplete((ignored, failure) -> next(delay, steps));
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void attempt(Webhook webhook, int attempt, CompletableFuture<Void> done) {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook.target())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()));
        webhook.headers().forEach(request::header);
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() / 100 == 2) {
                done.complete(null);
                return;
            }
            String problem = failure != null ? failure.toString() : "HTTP " + response.statusCode();
            boolean retry = attempt < ATTEMPTS
                    && (failure != null || !webhook.finalStatuses().contains(response.statusCode()));
            if (retry && !scheduler.isShutdown()) {
                scheduler.schedule(() -> attempt(webhook, attempt + 1, done), attempt, TimeUnit.SECONDS);
            } else {
                log.warn("Webhook to {} dropped after {} attempts: {}", webhook.target(), attempt, problem);
                done.complete(null);
            }
        });
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
        http.close();
    }
}
