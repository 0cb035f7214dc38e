package br.com.techassist.shipments.tracking.poller;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.tracking.poller.BatchPlanner.Candidate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void aThousandDueObjectsMakeTwentyFullBatchesMostOverdueFirst() {
        List<Candidate> due = candidates(1000, -5000);

        var batches = BatchPlanner.plan(due, NOW, 50, 500);

        assertThat(batches).hasSize(20).allSatisfy(b -> assertThat(b).hasSize(50));
        assertThat(batches.getFirst().getFirst()).isEqualTo(due.getFirst());
        assertThat(batches.getLast().getLast()).isEqualTo(due.getLast());
    }

    @Test
    void aPartlyFilledLastBatchIsToppedUpWithAlmostDueObjects() {
        List<Candidate> list = new ArrayList<>(candidates(70, -100));
        list.addAll(candidates(40, 10).stream()
                .map(c -> new Candidate("L" + c.trackingCode(), c.partition(), c.nextPollAt())).toList());

        var batches = BatchPlanner.plan(list, NOW, 50, 500);

        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).hasSize(50);
        assertThat(batches.get(1).subList(20, 50)).allMatch(c -> c.nextPollAt().isAfter(NOW));
    }

    @Test
    void almostDueObjectsAloneAreNotPolled() {
        assertThat(BatchPlanner.plan(candidates(30, 10), NOW, 50, 500)).isEmpty();
    }

    @Test
    void aCycleIsCappedAtTheMostBatchesAllowed() {
        assertThat(BatchPlanner.plan(candidates(500, -1000), NOW, 50, 3)).hasSize(3);
    }

    /** {@code n} candidates due at NOW + offset + i seconds. */
    private static List<Candidate> candidates(int n, int offsetSeconds) {
        List<Candidate> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new Candidate("C" + i, i % 6, NOW.plusSeconds(offsetSeconds + i)));
        }
        return list;
    }
}
