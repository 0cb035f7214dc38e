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
        "RO | 01 | Unidade de Atendimento  | IN_TRANSIT       | PT30M",
        "PO | 01 | Unidade de Tratamento   | POSTED           | PT30M",
        "OEC | 01 |                        | OUT_FOR_DELIVERY | PT10M",
    })
    void betweenSortingCentresTheParcelIsPolledEveryTwoHours(String code, String type, String destinationType,
            Milestone milestone, Duration expected) {
        var destination = destinationType == null ? null
                : new Unit(destinationType, "CTE X", "X", "SP", null);
        var newest = new CorreiosEvent(code, type, "…", null, null, null, destination);

        assertThat(schedule.intervalFor(milestone, false, newest, TWELVE, TWELVE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}/{1} at {2}, to {3}, {4} -> {5}")
    @CsvSource(delimiter = '|', value = {
        "RO  | 01 | Unidade de Tratamento   | Unidade de Distribuição | IN_TRANSIT       | PT10M",
        "DO  | 01 | Unidade de Tratamento   | unidade de distribuição | IN_TRANSIT       | PT10M",
        "BDE | 20 | Unidade de Distribuição |                         | DELIVERY_FAILED  | PT10M",
        "BDE | 02 | Unidade de Distribuição |                         | DELIVERY_FAILED  | PT10M",
        "EST | 01 | Unidade de Distribuição |                         | DELIVERY_FAILED  | PT10M",
        "BDE | 06 | Unidade de Distribuição |                         | RETURNING        | PT30M",
        "RO  | 01 | Unidade de Distribuição | Unidade de Tratamento   | RETURNING        | PT2H",
        "RO  | 01 | Unidade de Distribuição | Unidade de Tratamento   | IN_TRANSIT       | PT2H",
        "LDI | 01 | Unidade de Atendimento  |                         | AWAITING_PICKUP  | PT6H",
        "PO  | 01 | Unidade de Atendimento  |                         | POSTED           | PT30M",
    })
    void atItsDeliveryUnitTheParcelIsPolledAsOftenAsOutForDelivery(String code, String type, String unitType,
            String destinationType, Milestone milestone, Duration expected) {
        var unit = new Unit(unitType, "CDD X", "X", "SP", null);
        var destination = destinationType == null ? null : new Unit(destinationType, "CDD Y", "Y", "SP", null);
        var newest = new CorreiosEvent(code, type, "…", null, null, unit, destination);

        assertThat(schedule.intervalFor(milestone, false, newest, TWELVE, TWELVE)).isEqualTo(expected);
        assertThat(schedule.intervalFor(milestone, true, newest, TWELVE, TWELVE)).as("stalled").isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aParcelWaitingAtItsDeliveryUnitForMoreThanADayIsPolledAtTheMovingIntervalAgain() {
        var atUnit = new CorreiosEvent("RO", "01", "…", null, null, new Unit("Unidade de Tratamento", "CTE X", "X", "SP",
                null), new Unit("Unidade de Distribuição", "CDD X", "X", "SP", null));
        Instant moved = TWELVE;

        assertThat(schedule.intervalFor(Milestone.IN_TRANSIT, false, atUnit, moved, moved.plus(Duration.ofHours(24))))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(schedule.intervalFor(Milestone.IN_TRANSIT, false, atUnit, moved,
                moved.plus(Duration.ofHours(24)).plusSeconds(1))).isEqualTo(Duration.ofMinutes(30));
        assertThat(schedule.intervalFor(Milestone.IN_TRANSIT, false, atUnit, null, moved)).as("never moved")
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aStalledParcelBetweenSortingCentresIsStillPolledEverySixHours() {
        var newest = new CorreiosEvent("RO", "01", "…", null, null, null,
                new Unit("Unidade de Tratamento", "CTE X", "X", "SP", null));

        assertThat(schedule.intervalFor(Milestone.IN_TRANSIT, true, newest, TWELVE, TWELVE)).isEqualTo(Duration.ofHours(6));
        assertThat(schedule.intervalFor(Milestone.IN_TRANSIT, false, null, TWELVE, TWELVE)).isEqualTo(Duration.ofMinutes(30));
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
    /** The due time of an object polled long after it was due: its interval counts from the poll. */
    private static final Instant LONG_AGO = Instant.parse("2026-11-27T00:00:00Z");

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
        assertThat(schedule.nextPollAt(at(polledAt), LONG_AGO, interval)).isEqualTo(at(dueAt));
    }

    @Test
    void objectsPolledAtDifferentMomentsOfASlotBecomeDueTogether() {
        Duration moving = schedule.intervalFor(Milestone.IN_TRANSIT, false);

        assertThat(schedule.nextPollAt(at("12:00:01"), LONG_AGO, moving)).isEqualTo(at("12:30:00"))
                .isEqualTo(schedule.nextPollAt(at("12:04:59"), LONG_AGO, moving))
                .isEqualTo(schedule.nextPollAt(at("11:55:01"), LONG_AGO, moving));
    }

    @ParameterizedTest(name = "due at {0}, polled at {1} with {2} -> due at {3}")
    @CsvSource({
        "12:00:00, 12:00:00, PT10M, 12:10:00", // out for delivery, on time
        "12:00:00, 12:04:59, PT10M, 12:10:00", // polled late within half a slot: counted from the boundary
        "12:00:00, 12:05:00, PT10M, 12:20:00", // later than that: counted from now
        "12:03:20, 12:03:20, PT10M, 12:20:00", // first poll off the grid: the first boundary after the interval
        "12:00:00, 12:04:00, PT30M, 12:30:00",
        "12:00:00, 12:06:00, PT30M, 12:40:00",
        "11:58:00, 12:00:30, PT10M, 12:20:00"  // was due off the grid (a retry): counted from now
    })
    void objectsStayOnTheGridEvenWhenTheCyclePollsThemALittleLate(String dueAt, String polledAt, Duration interval,
            String nextDueAt) {
        assertThat(schedule.nextPollAt(at(polledAt), at(dueAt), interval)).isEqualTo(at(nextDueAt));
    }

    @Test
    void aBoundaryReadBackFromTheDatabaseInMicrosecondsIsStillOnTheGrid() {
        var accelerated = new PollSchedule(TestProperties.defaults(1 / 7200.0)); // slot and minimum interval 83.33 ms
        Instant boundary = accelerated.nextPollAt(TWELVE.plusMillis(3), LONG_AGO, Duration.ofNanos(83_333_333));
        Instant stored = boundary.truncatedTo(java.time.temporal.ChronoUnit.MICROS);

        assertThat(stored).isNotEqualTo(boundary);
        assertThat(accelerated.nextPollAt(stored.plusMillis(5), stored, Duration.ofNanos(83_333_333)))
                .as("the next boundary, not the one after").isEqualTo(boundary.plusNanos(83_333_333));
    }

    @Test
    void aligningNeverBringsAPollCloserThanTheMinimumInterval() {
        var elevenMinutes = new PollSchedule(withSchedule(Duration.ofMinutes(11), Duration.ofMinutes(20),
                Duration.ofMinutes(10)));

        // 12:04 + 11 min = 12:15, nearest boundary 12:10 is closer than 10 minutes: the next one
        assertThat(elevenMinutes.nextPollAt(at("12:04:00"), LONG_AGO, Duration.ofMinutes(11))).isEqualTo(at("12:20:00"));
        for (int second = 0; second < 3600; second += 7) {
            Instant now = TWELVE.plusSeconds(second);
            for (Duration interval : new Duration[] {Duration.ofMinutes(11), Duration.ofMinutes(30), Duration.ofHours(6)}) {
                Instant next = elevenMinutes.nextPollAt(now, LONG_AGO, interval);
                assertThat(Duration.between(now, next)).as("gap after %s with %s", now, interval)
                        .isGreaterThanOrEqualTo(Duration.ofMinutes(10))
                        .isLessThanOrEqualTo(interval.plus(Duration.ofMinutes(10)));
            }
        }
    }

    @Test
    void theSlotIsScaledWithEverythingElse() {
        var fast = new PollSchedule(TestProperties.defaults(0.001)); // slot 600 ms, moving 1.8 s

        assertThat(fast.nextPollAt(TWELVE.plusMillis(250), LONG_AGO, Duration.ofMillis(1800)))
                .isEqualTo(TWELVE.plusMillis(1800));
        assertThat(fast.nextPollAt(TWELVE.plusMillis(350), LONG_AGO, Duration.ofMillis(1800)))
                .isEqualTo(TWELVE.plusMillis(2400));
    }

    @Test
    void aSlotCoarserThanTheMinimumIntervalOrANegativeFillAheadIsRejected() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        Duration moving = Duration.ofMinutes(30);

        assertThat(validator.validate(TestProperties.defaults(1))).isEmpty();
        assertThat(validator.validate(withSchedule(moving, Duration.ofMinutes(20), Duration.ofMinutes(15))))
                .extracting(v -> v.getMessage())
                .containsExactly("tracking.schedule.slot must be positive and at most tracking.min-interval"
                        + " (TRACKING_MIN_INTERVAL); leave it unset to follow the minimum interval");
        assertThat(validator.validate(withSchedule(moving, Duration.ofMinutes(20), Duration.ZERO)))
                .extracting(v -> v.getMessage())
                .containsExactly("tracking.schedule.slot must be positive and at most tracking.min-interval"
                        + " (TRACKING_MIN_INTERVAL); leave it unset to follow the minimum interval");
        assertThat(validator.validate(withSchedule(moving, Duration.ofMinutes(-1), Duration.ofMinutes(10))))
                .extracting(v -> v.getMessage())
                .containsExactly("tracking.schedule.fill-ahead must not be negative");
    }

    /** The default settings with another moving interval, fill-ahead and slot. */
    private static TrackingProperties withSchedule(Duration moving, Duration fillAhead, Duration slot) {
        var p = TestProperties.defaults(1);
        var s = p.schedule();
        return new TrackingProperties(p.minInterval(), 1, new TrackingProperties.Schedule(s.notPosted(),
                s.neverPostedAfter(), moving, s.longHaul(), s.atDeliveryUnit(), s.atDeliveryUnitFor(), s.outForDelivery(), s.awaitingPickup(), s.stalledAfter(), s.stalled(),
                fillAhead, slot, s.unavailableBackoff()), p.poll());
    }

    private static Instant at(String time) {
        return Instant.parse("2026-11-27T" + time + "Z");
    }
}
