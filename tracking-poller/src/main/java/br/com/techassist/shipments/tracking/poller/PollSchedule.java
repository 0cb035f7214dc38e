package br.com.techassist.shipments.tracking.poller;

import br.com.techassist.shipments.model.CorreiosEvent;
import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.Unit;
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
 * min interval"; urgent objects (interval not longer than the minimum interval: out for delivery, at
 * the delivery unit) on the first boundary at or after it. Intervals count from the boundary an
 * object was due at when the cycle polled it a little late, so objects stay on the grid (see
 * {@link #nextPollAt}).
 */
@Component
class PollSchedule {

    /** {@code unidade.tipo} of a sorting centre (Centro de Tratamento). */
    private static final String TREATMENT_UNIT = "Unidade de Tratamento";
    /** {@code unidade.tipo} of a delivery unit (Centro de Distribuição Domiciliária, CDD). */
    private static final String DELIVERY_UNIT = "Unidade de Distribuição";
    /**
     * A due time this close to a slot boundary is on the grid: the database keeps microseconds, and a
     * scaled slot (e.g. 10 minutes / 7,200) has more digits than that.
     */
    private static final Duration ON_THE_GRID = Duration.ofMillis(1);
    /** Tick floor: on an accelerated clock a coarser tick would delay every poll by up to a tick. */
    private static final Duration SHORTEST_TICK = Duration.ofMillis(10);

    private final Duration minInterval;
    private final Duration notPosted;
    private final Duration neverPostedAfter;
    private final Duration moving;
    private final Duration longHaul;
    private final Duration atDeliveryUnit;
    private final Duration atDeliveryUnitFor;
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
        this.atDeliveryUnit = props.scaled(s.atDeliveryUnit());
        this.atDeliveryUnitFor = props.scaled(s.atDeliveryUnitFor());
        this.outForDelivery = props.scaled(s.outForDelivery());
        this.awaitingPickup = props.scaled(s.awaitingPickup());
        this.stalledAfter = props.scaled(s.stalledAfter());
        this.stalled = props.scaled(s.stalled());
        this.fillAhead = props.scaled(s.fillAhead());
        this.slot = props.scaled(props.slot());
        this.unavailableBackoff = props.scaled(s.unavailableBackoff());
        Duration scaledTick = props.scaled(props.poll().tick());
        this.tick = scaledTick.compareTo(SHORTEST_TICK) < 0 ? SHORTEST_TICK : scaledTick;
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
     * The interval after a successful poll at {@code now} whose newest event is {@code newest}, first
     * seen at {@code movedAt}: the long-haul one while the parcel travels between sorting centres, the
     * at-delivery-unit one while it waits at its delivery unit to go out (for at most
     * {@code at-delivery-unit-for} after it moved), otherwise the milestone's interval. A stalled object
     * keeps the stalled interval.
     */
    Duration intervalFor(Milestone milestone, boolean isStalled, @Nullable CorreiosEvent newest,
            @Nullable Instant movedAt, Instant now) {
        Duration interval = intervalFor(milestone, isStalled);
        if (isLongHaul(newest) && longHaul.compareTo(interval) > 0) {
            return longHaul;
        }
        boolean movedRecently = movedAt != null && !movedAt.plus(atDeliveryUnitFor).isBefore(now);
        if (!isStalled && movedRecently && isAtDeliveryUnit(milestone, newest)) {
            return atLeastMinInterval(atDeliveryUnit);
        }
        return interval;
    }

    /**
     * The parcel is at (or on its way to) the unit that delivers it and not out for delivery yet: the
     * newest event is a transfer ({@code RO}, {@code DO}) to a "Unidade de Distribuição", or happened at
     * one (a failed attempt, a correction). Its next event may make ARRIVED due (waiting for pickup,
     * delivered). A parcel being returned is not: nothing of it is due any more.
     */
    static boolean isAtDeliveryUnit(Milestone milestone, @Nullable CorreiosEvent newest) {
        if (newest == null || !(milestone == Milestone.POSTED || milestone == Milestone.IN_TRANSIT
                || milestone == Milestone.DELIVERY_FAILED || milestone == Milestone.EXCEPTION)) {
            return false;
        }
        Unit where = isTransfer(newest) ? newest.destinationUnit() : newest.unit();
        return isOfType(where, DELIVERY_UNIT);
    }

    /**
     * A transfer ({@code RO}, {@code DO}) whose destination is a treatment unit: the parcel goes to a
     * sorting centre, and from there to its delivery unit in another transfer, so the next event
     * that matters to the customer (out for delivery, delivered, waiting for pickup) is at least
     * one transfer away.
     */
    static boolean isLongHaul(@Nullable CorreiosEvent newest) {
        return newest != null && isTransfer(newest) && isOfType(newest.destinationUnit(), TREATMENT_UNIT);
    }

    private static boolean isTransfer(CorreiosEvent event) {
        return "RO".equals(event.code()) || "DO".equals(event.code());
    }

    private static boolean isOfType(@Nullable Unit unit, String type) {
        return unit != null && unit.type() != null && type.equalsIgnoreCase(unit.type().strip());
    }

    /**
     * When an object polled at {@code now}, and due at {@code scheduledAt}, is due again
     * {@code interval} later. Every object is kept on the shared grid of slot boundaries, so objects
     * polled at different moments become due together and share requests:
     * <ul>
     *   <li>an object due at a slot boundary and polled less than half a slot after it (the cycle's
     *       lag) counts its interval from that boundary, not from {@code now};
     *   <li>an interval not longer than the minimum interval (out for delivery, at the delivery unit)
     *       ends at the first boundary at or after it;
     *   <li>a longer one ends at the nearest boundary (exactly halfway: the earlier one), and not
     *       before the minimum interval (then at the first boundary at or after it).
     * </ul>
     */
    Instant nextPollAt(Instant now, Instant scheduledAt, Duration interval) {
        Instant boundary = slotAtOrAfter(scheduledAt.minus(ON_THE_GRID));
        boolean dueAtBoundary = !boundary.isAfter(scheduledAt.plus(ON_THE_GRID));
        Instant from = dueAtBoundary && !boundary.isAfter(now)
                && Duration.between(boundary, now).compareTo(slot.dividedBy(2)) < 0 ? boundary : now;
        if (interval.compareTo(minInterval) <= 0) {
            return slotAtOrAfter(from.plus(interval));
        }
        Instant aligned = slotAtOrAfter(from.plus(interval).minus(slot.dividedBy(2)));
        Instant earliest = from.plus(minInterval);
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
        return !stalledSince(lastEventAt).isAfter(now);
    }

    /** When an object whose newest Correios event is at {@code lastEventAt} is (or will be) stalled. */
    Instant stalledSince(Instant lastEventAt) {
        return lastEventAt.plus(stalledAfter);
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
