package br.com.techassist.shipments.tracking.poller;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.tracking.TrackingProperties;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

    private final PollSchedule schedule = new PollSchedule(TestProperties.defaults(1));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "PRE_POSTED, PT60M", "POSTED, PT30M", "IN_TRANSIT, PT30M", "DELIVERY_FAILED, PT30M", "RETURNING, PT30M",
        "EXCEPTION, PT30M", "OUT_FOR_DELIVERY, PT10M", "AWAITING_PICKUP, PT6H"
    })
    void eachMilestoneHasItsDefaultInterval(Milestone milestone, Duration expected) {
        assertThat(schedule.intervalFor(milestone, false)).isEqualTo(expected);
    }

    @Test
    void aStalledObjectIsPolledEverySixHours() {
        assertThat(schedule.intervalFor(Milestone.OUT_FOR_DELIVERY, true)).isEqualTo(Duration.ofHours(6));
        assertThat(schedule.intervalFor(Milestone.IN_TRANSIT, true)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void notFoundYetIsPolledHourly() {
        assertThat(schedule.notFoundInterval()).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void theTimeScaleMultipliesEveryDurationIncludingTheMinimumInterval() {
        var fast = new PollSchedule(TestProperties.defaults(0.001));

        assertThat(fast.intervalFor(Milestone.IN_TRANSIT, false)).isEqualTo(Duration.ofMillis(1800));
        assertThat(fast.minInterval()).isEqualTo(Duration.ofMillis(600));
        assertThat(fast.intervalFor(Milestone.OUT_FOR_DELIVERY, false)).isEqualTo(Duration.ofMillis(600));
        Instant registered = Instant.parse("2026-11-01T00:00:00Z");
        assertThat(fast.neverPosted(registered, registered.plus(Duration.ofSeconds(2591)))).isFalse();
        assertThat(fast.neverPosted(registered, registered.plus(Duration.ofSeconds(2592)))).isTrue();
        assertThat(fast.stalled(registered, registered.plus(Duration.ofMillis(604_800)))).isTrue();
        assertThat(fast.stalled(registered, registered.plus(Duration.ofMillis(604_799)))).isFalse();
    }

    @Test
    void noIntervalIsShorterThanTheMinimumInterval() {
        var p = TestProperties.defaults(1);
        var floor = new PollSchedule(new TrackingProperties(Duration.ofMinutes(45), 1, p.schedule(), p.poll()));

        assertThat(floor.intervalFor(Milestone.OUT_FOR_DELIVERY, false)).isEqualTo(Duration.ofMinutes(45));
        assertThat(floor.intervalFor(Milestone.IN_TRANSIT, false)).isEqualTo(Duration.ofMinutes(45));
        assertThat(floor.intervalFor(Milestone.PRE_POSTED, false)).isEqualTo(Duration.ofMinutes(60));
    }
}
