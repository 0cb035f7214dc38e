package br.com.techassist.shipments.tracking.poller;

import br.com.techassist.shipments.model.CorreiosEvent;
import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.tracking.TrackingProperties;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The adaptive schedule: how long until an object is polled again, given where it is. Every
 * duration is multiplied by {@code tracking.time-scale}, and no interval is shorter than the
 * (scaled) {@code tracking.min-interval}.
 *
 * <p>Next polls are aligned to a shared grid of {@code tracking.schedule.slot} (counted from the
 * epoch), so objects polled at different moments become due together and fill the same requests.
 * An object is put on the slot boundary nearest to "now + interval", never earlier than "now +
 * min interval". Urgent objects (interval not longer than the minimum interval: out for delivery)
 * are not aligned: aligning them would mean polling them either too soon or later than promised.
 */
@Component
class PollSchedule {

    /** {@code unidade.tipo} of a sorting centre (Centro de Tratamento). */
    private static final String TREATMENT_UNIT = "Unidade de Tratamento";

    private final Duration minInterval;
    private final Duration notPosted;
    private final Duration neverPostedAfter;
    private final Duration moving;
    private final Duration longHaul;
    private final Duration outForDelivery;
    private final Duration awaitingPickup;
    private final Duration stalledAfter;
    private final Duration stalled;
    private final Duration fillAhead;
    private final Duration slot;
    private final Duration unavailableBackoff;
    private final Duration tick;

    PollSchedule(TrackingProperties props) {
        var s = props.schedule();
        this.minInterval = props.scaled(props.minInterval());
        this.notPosted = props.scaled(s.notPosted());
        this.neverPostedAfter = props.scaled(s.neverPostedAfter());
        this.moving = props.scaled(s.moving());
        this.longHaul = props.scaled(s.longHaul());
        this.outForDelivery = props.scaled(s.outForDelivery());
        this.awaitingPickup = props.scaled(s.awaitingPickup());
        this.stalledAfter = props.scaled(s.stalledAfter());
        this.stalled = props.scaled(s.stalled());
        this.fillAhead = props.scaled(s.fillAhead());
        this.slot = props.scaled(s.slot());
        this.unavailableBackoff = props.scaled(s.unavailableBackoff());
        Duration scaledTick = props.scaled(props.poll().tick());
        this.tick = scaledTick.compareTo(Duration.ofMillis(50)) < 0 ? Duration.ofMillis(50) : scaledTick;
    }

    /** The interval after a successful poll of an object at {@code milestone}. */
    Duration intervalFor(Milestone milestone, boolean isStalled) {
        Duration interval = switch (milestone) {
            case PRE_POSTED -> notPosted;
            case OUT_FOR_DELIVERY -> outForDelivery;
            case AWAITING_PICKUP -> awaitingPickup;
            default -> moving;
        };
        if (isStalled && stalled.compareTo(interval) > 0) {
            interval = stalled;
        }
        return atLeastMinInterval(interval);
    }

    /**
     * The interval after a successful poll whose newest event is {@code newest}: the milestone's
     * interval, or the long-haul one while the parcel travels between sorting centres.
     */
    Duration intervalFor(Milestone milestone, boolean isStalled, @Nullable CorreiosEvent newest) {
        Duration interval = intervalFor(milestone, isStalled);
        return isLongHaul(newest) && longHaul.compareTo(interval) > 0 ? longHaul : interval;
    }

    /**
     * A transfer ({@code RO}, {@code DO}) whose destination is a treatment unit: the parcel goes to a
     * sorting centre, and from there to its delivery unit in another transfer, so the next event
     * that matters to the customer (out for delivery, delivered, waiting for pickup) is at least
     * one transfer away.
     */
    static boolean isLongHaul(@Nullable CorreiosEvent newest) {
        if (newest == null || newest.destinationUnit() == null || newest.destinationUnit().type() == null) {
            return false;
        }
        boolean transfer = "RO".equals(newest.code()) || "DO".equals(newest.code());
        return transfer && TREATMENT_UNIT.equalsIgnoreCase(newest.destinationUnit().type().strip());
    }

    /**
     * When an object polled at {@code now} is due again, {@code interval} later: on the slot boundary
     * nearest to {@code now + interval} (exactly halfway: the earlier one), and not before
     * {@code now + minInterval} (then the first boundary at or after it). An interval not longer
     * than the minimum interval is kept exactly.
     */
    Instant nextPollAt(Instant now, Duration interval) {
        if (interval.compareTo(minInterval) <= 0) {
            return now.plus(interval);
        }
        Instant aligned = slotAtOrAfter(now.plus(interval).minus(slot.dividedBy(2)));
        Instant earliest = now.plus(minInterval);
        return aligned.isBefore(earliest) ? slotAtOrAfter(earliest) : aligned;
    }

    /** The first slot boundary at or after {@code t}. */
    private Instant slotAtOrAfter(Instant t) {
        long slotNanos = slot.toNanos();
        long nanos = Duration.between(Instant.EPOCH, t).toNanos();
        long boundary = Math.ceilDiv(nanos, slotNanos) * slotNanos;
        return Instant.EPOCH.plusNanos(boundary);
    }

    /** The interval after Correios answered "not found yet" (SRO-020). */
    Duration notFoundInterval() {
        return atLeastMinInterval(notPosted);
    }

    /** The shortest gap between two polls of one object: also the retry delay of an unanswered object. */
    Duration minInterval() {
        return minInterval;
    }

    boolean neverPosted(Instant registeredAt, Instant now) {
        return !registeredAt.plus(neverPostedAfter).isAfter(now);
    }

    boolean stalled(Instant lastEventAt, Instant now) {
        return !lastEventAt.plus(stalledAfter).isAfter(now);
    }

    Duration fillAhead() {
        return fillAhead;
    }

    Duration unavailableBackoff() {
        return unavailableBackoff;
    }

    Duration tick() {
        return tick;
    }

    private Duration atLeastMinInterval(Duration interval) {
        return interval.compareTo(minInterval) < 0 ? minInterval : interval;
    }
}
