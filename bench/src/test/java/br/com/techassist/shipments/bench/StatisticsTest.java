package br.com.techassist.shipments.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void percentilesUseTheNearestRank() {
        Percentiles p = Percentiles.of(IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList());
        assertThat(p.at(50)).isEqualTo(50.0);
        assertThat(p.at(95)).isEqualTo(95.0);
        assertThat(p.at(99)).isEqualTo(99.0);
        assertThat(p.at(100)).isEqualTo(100.0);
        assertThat(Percentiles.of(List.of(7.0)).at(99)).isEqualTo(7.0);
        assertThat(Percentiles.of(List.of()).at(50)).isNaN();
    }

    @Test
    void aFixedScheduleAsksForEveryTrackedParcelEachTickInBatchesOfFifty() {
        LocalDateTime start = LocalDateTime.of(2026, 11, 27, 0, 0);
        // 120 parcels tracked for one hour: ticks at 0, 15, 30, 45, 60 and the last one at 60 after the end
        List<FixedSchedule.Span> spans = IntStream.range(0, 120)
                .mapToObj(i -> new FixedSchedule.Span(start, start.plusMinutes(60))).toList();
        FixedSchedule.Cost cost = new FixedSchedule(Duration.ofMinutes(15), 50).cost(spans, start, start.plusHours(3));
        assertThat(cost.objectPolls()).isEqualTo(120 * 5);
        assertThat(cost.requests()).isEqualTo(3 * 5); // 120 codes = 3 requests per tick
    }

    @Test
    void theSteadyRateLeavesOutStartAndTail() {
        Instant t0 = Instant.parse("2026-11-27T12:00:00Z");
        // 100 sends, one every 10 ms: 100 per second
        List<Instant> times = IntStream.range(0, 100).mapToObj(i -> t0.plusMillis(10L * i)).toList();
        assertThat(Bench.steadyRate(times)).isEqualTo(100.0);
        assertThat(Bench.steadyRate(times.subList(0, 5))).isZero();
    }
}
