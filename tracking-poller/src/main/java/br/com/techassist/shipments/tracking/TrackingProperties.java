package br.com.techassist.shipments.tracking;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of tracking-poller ({@code tracking.*}). Every duration of the schedule, the tick and
 * {@code minInterval} are multiplied by {@code timeScale} (see {@link #scaled(Duration)}).
 *
 * @param minInterval shortest gap between two polls of one object ({@code TRACKING_MIN_INTERVAL})
 * @param timeScale multiplies every schedule duration ({@code TRACKING_TIME_SCALE})
 * @param schedule how often an object is polled, by where it is
 * @param poll how the polling cycle runs
 */
@Validated
@ConfigurationProperties("tracking")
public record TrackingProperties(
        @DefaultValue("PT10M") @NotNull Duration minInterval,
        @DefaultValue("1") @Positive(message = "tracking.time-scale (TRACKING_TIME_SCALE) must be positive") double timeScale,
        @DefaultValue @Valid Schedule schedule,
        @DefaultValue @Valid Poll poll) {

    /** The slot grid when {@code tracking.schedule.slot} is not set, unless the minimum interval is shorter. */
    public static final Duration DEFAULT_SLOT = Duration.ofMinutes(10);

    /** A zero or negative minimum interval would let an object be polled in a loop. */
    @AssertTrue(message = "tracking.min-interval (TRACKING_MIN_INTERVAL) must be positive")
    public boolean isMinIntervalPositive() {
        return minInterval == null || minInterval.isPositive();
    }

    /**
     * A slot set explicitly must be positive and no coarser than the minimum interval (so aligning
     * never skips a poll); left unset, it follows the minimum interval (see {@link #slot()}).
     */
    @AssertTrue(message = "tracking.schedule.slot must be positive and at most tracking.min-interval"
            + " (TRACKING_MIN_INTERVAL); leave it unset to follow the minimum interval")
    public boolean isSlotWithinMinInterval() {
        return schedule == null || minInterval == null || schedule.slot() == null
                || (schedule.slot().isPositive() && schedule.slot().compareTo(minInterval) <= 0);
    }

    /**
     * The grid next polls are aligned to (unscaled): {@code tracking.schedule.slot} when set, else
     * {@link #DEFAULT_SLOT} or the minimum interval when that is shorter, so any positive
     * {@code TRACKING_MIN_INTERVAL} with any {@code TRACKING_TIME_SCALE} gives a valid schedule.
     */
    public Duration slot() {
        if (schedule.slot() != null) {
            return schedule.slot();
        }
        return DEFAULT_SLOT.compareTo(minInterval) <= 0 ? DEFAULT_SLOT : minInterval;
    }

    /** {@code duration} multiplied by {@link #timeScale()}, never below one millisecond. */
    public Duration scaled(Duration duration) {
        long nanos = Math.round(duration.toNanos() * timeScale);
        return Duration.ofNanos(Math.max(nanos, 1_000_000L));
    }

    /**
     * Poll intervals and alert thresholds (defaults from the issue; all scaled by {@code timeScale}).
     *
     * @param notPosted interval while Correios does not know the object yet (SRO-020) or shows only label events
     * @param neverPostedAfter after this long since registration without a posting: alert "never posted" and stop
     * @param moving interval for posted, in-transit, failed-attempt, returning and exception objects
     * @param longHaul interval while the newest event is a transfer to a treatment unit ({@code RO}/{@code DO}
     *     whose {@code unidadeDestino} is a "Unidade de Tratamento"): the parcel is between sorting centres, at least
     *     one more transfer away from its delivery unit, so no delivery or pickup event can come next
     * @param atDeliveryUnit interval while the newest event puts the parcel at its delivery unit (a transfer to, or an
     *     event at, a "Unidade de Distribuição") and it is not out for delivery yet: the next event may be the one that
     *     makes ARRIVED due (waiting for pickup, or delivered after a failed attempt), so it is polled as often as a
     *     parcel out for delivery
     * @param atDeliveryUnitFor how long after the parcel last moved (on this service's clock) the at-delivery-unit
     *     interval applies; a parcel that waits longer at its delivery unit is polled at the moving interval
     * @param outForDelivery interval while out for delivery
     * @param awaitingPickup interval while waiting at a pickup point
     * @param stalledAfter no new Correios event for this long: alert "stalled"
     * @param stalled interval of a stalled object (the longer of this and its milestone's interval)
     * @param fillAhead objects due within this window (and last polled at least {@code minInterval} ago) may join a
     *     partly filled last batch of a cycle: they are polled a little early instead of costing a request of their own
     * @param slot every next poll is aligned to this grid
     *     (the nearest slot boundary, counted from the epoch), so objects become due together and fill requests;
     *     unset: {@code PT10M}, or the minimum interval when that is shorter (see {@link TrackingProperties#slot()})
     * @param unavailableBackoff first pause of the polling after Correios was unavailable (doubles up to {@code minInterval})
     */
    public record Schedule(
            @DefaultValue("PT60M") @NotNull Duration notPosted,
            @DefaultValue("P30D") @NotNull Duration neverPostedAfter,
            @DefaultValue("PT30M") @NotNull Duration moving,
            @DefaultValue("PT2H") @NotNull Duration longHaul,
            @DefaultValue("PT10M") @NotNull Duration atDeliveryUnit,
            @DefaultValue("P1D") @NotNull Duration atDeliveryUnitFor,
            @DefaultValue("PT10M") @NotNull Duration outForDelivery,
            @DefaultValue("PT6H") @NotNull Duration awaitingPickup,
            @DefaultValue("P7D") @NotNull Duration stalledAfter,
            @DefaultValue("PT6H") @NotNull Duration stalled,
            @DefaultValue("PT20M") @NotNull Duration fillAhead,
            @Nullable Duration slot,
            @DefaultValue("PT1M") @NotNull Duration unavailableBackoff) {

        /** The fill-ahead window cannot be negative. */
        @AssertTrue(message = "tracking.schedule.fill-ahead must not be negative")
        public boolean isFillAheadNotNegative() {
            return fillAhead == null || !fillAhead.isNegative();
        }
    }

    /**
     * The polling cycle.
     *
     * @param enabled whether this instance polls on its own (tests drive cycles by hand)
     * @param tick pause between two cycles (scaled, at least 10 ms)
     * @param batchSize codes per Rastro request (Correios allows 50)
     * @param requestsPerSecond most Rastro requests per second of this instance (Correios allows 50 per contract key)
     * @param concurrency Rastro requests in flight at once
     * @param maxBatchesPerCycle most requests in one cycle; the rest waits for the next cycle
     */
    public record Poll(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("PT30S") @NotNull Duration tick,
            @DefaultValue("50") @Min(1) @Max(50) int batchSize,
            @DefaultValue("50") @Positive double requestsPerSecond,
            @DefaultValue("4") @Min(1) int concurrency,
            @DefaultValue("500") @Min(1) int maxBatchesPerCycle) {}
}
