package br.com.techassist.shipments.notifier.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The pacing is checked on a fake ticker (time moves only when the throttle waits), so the result
 * does not depend on how busy the machine is; the in-flight limit is checked by counting.
 */
class ThrottleTest {

    /** A ticker whose time moves only when the throttle parks, or when the test jumps it. */
    static final class FakeTicker implements Throttle.Ticker {
        private long now = 1_000_000_000L;

        @Override
        public synchronized long nanoTime() {
            return now;
        }

        @Override
        public synchronized void park(long nanos) {
            now += nanos;
        }

        synchronized void jump(long nanos) {
            now += nanos;
        }
    }

    @Test
    void startsAre80PerSecondApartWhileSlowAnswersKeepThemInFlight() throws Exception {
        var ticker = new FakeTicker();
        List<Long> starts = new ArrayList<>();
        var answer = new CountDownLatch(1);
        var started = new CountDownLatch(160);
        try (var throttle = new Throttle(80, 256, ticker)) {
            for (int i = 0; i < 160; i++) {
                throttle.submit(() -> {
                    started.countDown();
                    try {
                        answer.await(); // the provider has not answered yet
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                starts.add(ticker.nanoTime());
            }
            assertThat(started.await(10, TimeUnit.SECONDS)).as("all 160 in flight at once").isTrue();
            answer.countDown();
        }
        for (int i = 1; i < starts.size(); i++) {
            assertThat(starts.get(i) - starts.get(i - 1)).as("gap before start %d", i).isEqualTo(12_500_000L);
        }
        assertThat(starts.getLast() - starts.getFirst()).as("160 starts at 80/s").isEqualTo(159 * 12_500_000L);
    }

    @Test
    void aShortStallIsCaughtUpButALongOneIsNot() throws Exception {
        var ticker = new FakeTicker();
        try (var throttle = new Throttle(100, 256, ticker)) {
            throttle.submit(() -> {});
            ticker.jump(TimeUnit.MILLISECONDS.toNanos(50)); // the starter was not scheduled for 50 ms
            long before = ticker.nanoTime();
            throttle.submit(() -> {});
            throttle.submit(() -> {});
            throttle.submit(() -> {});
            throttle.submit(() -> {});
            assertThat(ticker.nanoTime() - before).as("the 4 missed 10 ms slots go at once").isZero();

            ticker.jump(TimeUnit.SECONDS.toNanos(5)); // a long pause is not turned into a burst of 500
            throttle.submit(() -> {});
            long afterPause = ticker.nanoTime();
            int immediate = 0;
            while (ticker.nanoTime() == afterPause && immediate < 50) {
                throttle.submit(() -> {});
                immediate++;
            }
            assertThat(immediate).as("starts caught up after a 5 s pause").isLessThanOrEqualTo(11);
        }
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
