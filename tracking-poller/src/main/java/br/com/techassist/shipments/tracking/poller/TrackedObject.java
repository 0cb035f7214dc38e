package br.com.techassist.shipments.tracking.poller;

import br.com.techassist.shipments.model.Milestone;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An object tracking-poller follows (one row of {@code tracked_object}).
 *
 * @param trackingCode the object
 * @param partition the partition of {@code shipments.registered.v1} it was registered on: the instance
 *     assigned that partition polls it
 * @param milestone the milestone subscribers know (the last one published)
 * @param delivered whether DELIVERED was ever published (later changes reverse the delivery)
 * @param active false once polling stopped ({@code stopReason} says why)
 * @param stopReason why polling stopped
 * @param registeredAt when the object was registered
 * @param nextPollAt when it is due
 * @param lastPolledAt when it was last asked for
 * @param lastEventAt time of the newest Correios event seen
 * @param expectedDelivery the Correios delivery forecast
 * @param polls how many requests asked for it
 * @param polledBy the instance that asked last
 * @param movedAt when a poll first saw the newest Correios event, on this service's clock (null before the first event)
 * @param finishedAt when the parcel's life ended for the personal-data lifecycle (its data is erased
 *     {@code PII_RETENTION} later): when polling stopped (terminal milestone, invalid code, never
 *     posted), or, for an object still polled but stalled, when it was considered stalled (its newest
 *     Correios event + {@code tracking.schedule.stalled-after}); null while it is alive, and again once
 *     a stalled object moves
 */
record TrackedObject(
        String trackingCode,
        int partition,
        Milestone milestone,
        boolean delivered,
        boolean active,
        @Nullable StopReason stopReason,
        Instant registeredAt,
        Instant nextPollAt,
        @Nullable Instant lastPolledAt,
        @Nullable Instant lastEventAt,
        @Nullable Instant expectedDelivery,
        int polls,
        @Nullable String polledBy,
        @Nullable Instant movedAt,
        @Nullable Instant finishedAt) {

    /** Why an object is no longer polled. */
    enum StopReason {
        TERMINAL,
        INVALID,
        NEVER_POSTED
    }

    /** A newly registered object, due at once. */
    static TrackedObject registered(String trackingCode, int partition, Instant registeredAt, Instant now) {
        return new TrackedObject(trackingCode, partition, Milestone.PRE_POSTED, false, true, null, registeredAt, now,
                null, null, null, 0, null, null, null);
    }

    /** This object, asked for once more at {@code now} by {@code instance}. */
    TrackedObject polled(Instant now, String instance) {
        return new TrackedObject(trackingCode, partition, milestone, delivered, active, stopReason, registeredAt,
                nextPollAt, now, lastEventAt, expectedDelivery, polls + 1, instance, movedAt, finishedAt);
    }

    TrackedObject dueIn(Instant now, Duration interval) {
        return dueAt(now.plus(interval));
    }

    TrackedObject dueAt(Instant nextPoll) {
        return new TrackedObject(trackingCode, partition, milestone, delivered, active, stopReason, registeredAt,
                nextPoll, lastPolledAt, lastEventAt, expectedDelivery, polls, polledBy, movedAt, finishedAt);
    }

    /** This object, no longer polled from {@code now} on: it finished then. */
    TrackedObject stopped(StopReason reason, Instant now) {
        return new TrackedObject(trackingCode, partition, milestone, delivered, false, reason, registeredAt, nextPollAt,
                lastPolledAt, lastEventAt, expectedDelivery, polls, polledBy, movedAt, now);
    }

    /**
     * This object, still polled, finished since {@code stalledSince} when it is stalled, or not
     * finished (null) when it is not (any more).
     */
    TrackedObject stalledSince(@Nullable Instant stalledSince) {
        return new TrackedObject(trackingCode, partition, milestone, delivered, active, stopReason, registeredAt,
                nextPollAt, lastPolledAt, lastEventAt, expectedDelivery, polls, polledBy, movedAt, stalledSince);
    }

    /** This object after a poll at {@code now} that found these facts; a newer event moves {@code movedAt} to now. */
    TrackedObject progressed(Milestone newMilestone, boolean wasDelivered, @Nullable Instant newLastEventAt,
            @Nullable Instant newExpectedDelivery, Instant now) {
        Instant moved = newLastEventAt != null && !newLastEventAt.equals(lastEventAt) ? now : movedAt;
        return new TrackedObject(trackingCode, partition, newMilestone, wasDelivered, active, stopReason, registeredAt,
                nextPollAt, lastPolledAt, newLastEventAt, newExpectedDelivery, polls, polledBy, moved, finishedAt);
    }
}
