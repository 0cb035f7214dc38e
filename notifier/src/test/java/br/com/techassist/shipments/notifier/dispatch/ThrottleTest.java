package br.com.techassist.shipments.notifier.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    @Test
    void reaches80PerSecondWhenTheProviderTakes200Ms() throws Exception {
        int messages = 160;
        var done = new CountDownLatch(messages);
        var concurrent = new AtomicInteger();
        var maxConcurrent = new AtomicInteger();
        var starts = new java.util.concurrent.ConcurrentLinkedQueue<Long>();
        long start = System.nanoTime();
        try (var throttle = new Throttle(80, 256)) {
            for (int i = 0; i < messages; i++) {
                throttle.submit(() -> {
                    starts.add(System.nanoTime());
                    maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(200); // the provider's latency
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    concurrent.decrementAndGet();
                    done.countDown();
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        long first = starts.stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = starts.stream().mapToLong(Long::longValue).max().orElseThrow();
        double rate = (messages - 1) / ((last - first) / 1e9);

        // 160 sends started at 80/s take ~2 s; the last answer comes 200 ms later
        assertThat(rate).as("sends started per second").isBetween(70.0, 86.0);
        assertThat(took).as("time to send them all").isLessThan(Duration.ofMillis(3000));
        assertThat(maxConcurrent.get()).as("sends in flight at once").isGreaterThanOrEqualTo(14);
    }

    @Test
    void neverMoreThanMaxInFlightAtOnce() throws Exception {
        var done = new CountDownLatch(20);
        var concurrent = new AtomicInteger();
        var maxConcurrent = new AtomicInteger();
        try (var throttle = new Throttle(1000, 3)) {
            for (int i = 0; i < 20; i++) {
                throttle.submit(() -> {
                    maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    concurrent.decrementAndGet();
                    done.countDown();
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(maxConcurrent.get()).isEqualTo(3);
    }
}
