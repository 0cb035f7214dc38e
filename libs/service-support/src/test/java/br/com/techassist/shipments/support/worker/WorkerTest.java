package br.com.techassist.shipments.support.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerTest {

    private static final Duration LONG = Duration.ofHours(1);
    private static final Duration AT_MOST = Duration.ofSeconds(20);

    private final AtomicInteger passes = new AtomicInteger();
    private Worker worker;

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void runsAPassAtStartAndOneMoreEachTimeItIsWokenUp() {
        worker = Worker.of("test-worker", LONG, LONG, () -> {
            passes.incrementAndGet();
            return false;
        });
        worker.start();
        Awaitility.await().atMost(AT_MOST).until(() -> passes.get() == 1);

        worker.wakeUp();

        Awaitility.await().atMost(AT_MOST).until(() -> passes.get() == 2);
    }

    @Test
    void goesOnWithoutWaitingWhileThePassSaysMoreIsWaiting() {
        worker = Worker.of("test-worker", LONG, LONG, () -> passes.incrementAndGet() < 4);
        worker.start();

        Awaitility.await().atMost(AT_MOST).until(() -> passes.get() == 4);
    }

    @Test
    void aFailedPassIsCountedAndTriedAgainAfterABackOff() {
        AtomicInteger failures = new AtomicInteger();
        worker = Worker.of("test-worker", Duration.ofMillis(10), Duration.ofMillis(40), () -> {
            if (passes.incrementAndGet() <= 3) {
                throw new IllegalStateException("database away");
            }
            return false;
        }).onFailure(failures::incrementAndGet);
        worker.start();

        Awaitility.await().atMost(AT_MOST).until(() -> passes.get() >= 5);
        assertThat(failures).as("only the first three passes failed").hasValue(3);
    }

    @Test
    void afterStopNoPassRuns() {
        worker = Worker.of("test-worker", LONG, LONG, () -> {
            passes.incrementAndGet();
            return false;
        });
        worker.start();
        Awaitility.await().atMost(AT_MOST).until(() -> passes.get() == 1);

        worker.stop(Duration.ofSeconds(5));
        worker.wakeUp();

        assertThat(worker.isRunning()).isFalse();
        Awaitility.await().during(Duration.ofMillis(300)).atMost(AT_MOST).until(() -> passes.get() == 1);
    }

    @Test
    void refusesABackOffShorterThanTheInterval() {
        assertThatThrownBy(() -> Worker.of("bad", Duration.ofSeconds(2), Duration.ofSeconds(1), () -> false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad");
    }
}
