package br.com.techassist.shipments.tracking.poller;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.CorreiosEvent;
import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.Unit;
import br.com.techassist.shipments.tracking.TrackingProperties;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
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

    @ParameterizedTest(name = "{0}/{1} to a {2} -> {4}")
    @CsvSource(delimiter = '|', value = {
        "RO | 01 | Unidade de Tratamento   | IN_TRANSIT       | PT2H",
        "DO | 01 | unidade de tratamento   | IN_TRANSIT       | PT2H",
        "RO | 01 | Unidade de Tratamento   | RETURNING        | PT2H",
        "RO | 01 | Unidade de Distribuição | IN_TRANSIT       | PT30M",
        "PO | 01 | Unidade de Tratamento   | POSTED           | PT30M",
        "OEC | 01 |                        | OUT_FOR_DELIVERY | PT10M",
    })
    void betweenSortingCentresTheParcelIsPolledEveryTwoHours(String code, String type, String destinationType,
            Milestone milestone, Duration expected) {
        var destination = destinationType == null ? null
                : new Unit(destinationType, "CTE X", "X", "SP", null);
        var newest = new CorreiosEvent(code, type, "…", null, null, null, destination);

        assertThat(schedule.intervalFor(milestone, false, newest)).isEqualTo(expected);
    }

    @Test
    void aStalledParcelBetweenSortingCentresIsStillPolledEverySixHours() {
        var newest = new CorreiosEvent("RO", "01", "…", null, null, null,
                new Unit("Unidade de Tratamento", "CTE X", "X", "SP", null));

        assertThat(schedule.intervalFor(Milestone.IN_TRANSIT, true, newest)).isEqualTo(Duration.ofHours(6));
        assertThat(schedule.intervalFor(Milestone.IN_TRANSIT, false, null)).isEqualTo(Duration.ofMinutes(30));
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

    private static final Instant TWELVE = Instant.parse("2026-11-27T12:00:00Z");

    @ParameterizedTest(name = "polled at {0} with {1} -> due at {2}")
    @CsvSource({
        "12:00:00, PT30M, 12:30:00", // already on the grid
        "12:03:20, PT30M, 12:30:00", // nearest boundary is earlier
        "12:06:00, PT30M, 12:40:00", // nearest boundary is later
        "12:05:00, PT30M, 12:30:00", // exactly halfway: the earlier one
        "12:04:59, PT60M, 13:00:00",
        "12:05:01, PT6H, 18:10:00"
    })
    void nextPollsAreAlignedToTheNearestSlotBoundary(String polledAt, Duration interval, String dueAt) {
        assertThat(schedule.nextPollAt(at(polledAt), interval)).isEqualTo(at(dueAt));
    }

    @Test
    void objectsPolledAtDifferentMomentsOfASlotBecomeDueTogether() {
        Duration moving = schedule.intervalFor(Milestone.IN_TRANSIT, false);

        assertThat(schedule.nextPollAt(at("12:00:01"), moving)).isEqualTo(at("12:30:00"))
                .isEqualTo(schedule.nextPollAt(at("12:04:59"), moving))
                .isEqualTo(schedule.nextPollAt(at("11:55:01"), moving));
    }

    @Test
    void outForDeliveryIsNotAlignedSoItIsPolledExactlyEveryTenMinutes() {
        Duration outForDelivery = schedule.intervalFor(Milestone.OUT_FOR_DELIVERY, false);

        assertThat(schedule.nextPollAt(at("12:03:20"), outForDelivery)).isEqualTo(at("12:13:20"));
    }

    @Test
    void aligningNeverBringsAPollCloserThanTheMinimumInterval() {
        var elevenMinutes = new PollSchedule(withSchedule(Duration.ofMinutes(11), Duration.ofMinutes(20),
                Duration.ofMinutes(10)));

        // 12:04 + 11 min = 12:15, nearest boundary 12:10 is closer than 10 minutes: the next one
        assertThat(elevenMinutes.nextPollAt(at("12:04:00"), Duration.ofMinutes(11))).isEqualTo(at("12:20:00"));
        for (int second = 0; second < 3600; second += 7) {
            Instant now = TWELVE.plusSeconds(second);
            for (Duration interval : new Duration[] {Duration.ofMinutes(11), Duration.ofMinutes(30), Duration.ofHours(6)}) {
                Instant next = elevenMinutes.nextPollAt(now, interval);
                assertThat(Duration.between(now, next)).as("gap after %s with %s", now, interval)
                        .isGreaterThanOrEqualTo(Duration.ofMinutes(10))
                        .isLessThanOrEqualTo(interval.plus(Duration.ofMinutes(10)));
            }
        }
    }

    @Test
    void theSlotIsScaledWithEverythingElse() {
        var fast = new PollSchedule(TestProperties.defaults(0.001)); // slot 600 ms, moving 1.8 s

        assertThat(fast.nextPollAt(TWELVE.plusMillis(250), Duration.ofMillis(1800))).isEqualTo(TWELVE.plusMillis(1800));
        assertThat(fast.nextPollAt(TWELVE.plusMillis(350), Duration.ofMillis(1800))).isEqualTo(TWELVE.plusMillis(2400));
    }

    @Test
    void aSlotCoarserThanTheMinimumIntervalOrANegativeFillAheadIsRejected() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        Duration moving = Duration.ofMinutes(30);

        assertThat(validator.validate(TestProperties.defaults(1))).isEmpty();
        assertThat(validator.validate(withSchedule(moving, Duration.ofMinutes(20), Duration.ofMinutes(15))))
                .extracting(v -> v.getMessage())
                .containsExactly("tracking.schedule.slot must be positive and at most tracking.min-interval");
        assertThat(validator.validate(withSchedule(moving, Duration.ofMinutes(20), Duration.ZERO)))
                .extracting(v -> v.getMessage())
                .containsExactly("tracking.schedule.slot must be positive and at most tracking.min-interval");
        assertThat(validator.validate(withSchedule(moving, Duration.ofMinutes(-1), Duration.ofMinutes(10))))
                .extracting(v -> v.getMessage())
                .containsExactly("tracking.schedule.fill-ahead must not be negative");
    }

    /** The default settings with another moving interval, fill-ahead and slot. */
    private static TrackingProperties withSchedule(Duration moving, Duration fillAhead, Duration slot) {
        var p = TestProperties.defaults(1);
        var s = p.schedule();
        return new TrackingProperties(p.minInterval(), 1, new TrackingProperties.Schedule(s.notPosted(),
                s.neverPostedAfter(), moving, s.longHaul(), s.outForDelivery(), s.awaitingPickup(), s.stalledAfter(), s.stalled(),
                fillAhead, slot, s.unavailableBackoff()), p.poll());
    }

    private static Instant at(String time) {
        return Instant.parse("2026-11-27T" + time + "Z");
    }
}
