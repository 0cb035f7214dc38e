package br.com.techassist.shipments.tracking.poller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestPacerTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final List<Long> starts = new ArrayList<>();

    @Test
    void requestsStartNoFasterThanTheRate() throws InterruptedException {
        var pacer = new RequestPacer(50, clock::get, clock::addAndGet);

        for (int i = 0; i < 101; i++) {
            pacer.acquire();
            starts.add(clock.get());
        }

        assertThat(starts.getLast() - starts.getFirst()).isEqualTo(2_000_000_000L);
        for (int i = 1; i < starts.size(); i++) {
            assertThat(starts.get(i) - starts.get(i - 1)).isEqualTo(20_000_000L);
        }
    }

    @Test
    void anIdlePacerDoesNotLetABurstThrough() throws InterruptedException {
        var pacer = new RequestPacer(10, clock::get, clock::addAndGet);
        pacer.acquire();
        clock.addAndGet(5_000_000_000L);

        pacer.acquire();
        long first = clock.get();
        pacer.acquire();

        assertThat(clock.get() - first).isEqualTo(100_000_000L);
    }
}
