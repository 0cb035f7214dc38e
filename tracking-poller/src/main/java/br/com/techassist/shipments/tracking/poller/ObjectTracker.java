package br.com.techassist.shipments.tracking.poller;

import br.com.techassist.shipments.model.CorreiosEvent;
import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.ShipmentStatusChanged;
import br.com.techassist.shipments.model.Unit;
import br.com.techassist.shipments.tracking.milestone.MilestoneHistory;
import br.com.techassist.shipments.tracking.milestone.MilestoneHistory.Step;
import br.com.techassist.shipments.tracking.poller.TrackedObject.StopReason;
import br.com.techassist.shipments.tracking.source.TrackingReport;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Applies one answer of the tracking source to one tracked object: the new state and schedule, and
 * the events to publish (milestone changes oldest first, then alerts). Pure: the caller stores the
 * state and publishes the events in one transaction. Events whose id is in {@code published} are
 * left out, so applying the same answer twice publishes nothing the second time.
 *
 * <p>It also decides when an object finished (the start of {@code PII_RETENTION}, see
 * {@link TrackedObject#finishedAt}): when it stops, or, while it is stalled, when it became stalled
 * (newest Correios event + stall threshold); an answer that shows it is not stalled (any more)
 * makes it unfinished.
 */
@Component
class ObjectTracker {

    private final PollSchedule schedule;

    ObjectTracker(PollSchedule schedule) {
        this.schedule = schedule;
    }

    /** The new state of an object and what to publish about it. */
    record Update(TrackedObject next, List<ShipmentEvent> events) {}

    Update apply(TrackedObject object, TrackingReport report, Set<UUID> published, Instant now, String instance) {
        TrackedObject polled = object.polled(now, instance);
        String code = object.trackingCode();
        return switch (report.status()) {
            case INVALID -> new Update(polled.stopped(StopReason.INVALID, now),
                    unpublished(List.of(Alerts.invalidCode(code, String.valueOf(report.message()), now)), published));
            case NOT_FOUND -> notYetPosted(polled, published, now, schedule.notFoundInterval());
            case FOUND -> found(polled, report, published, now);
        };
    }

    /** The object was asked for but not answered (missing from the response, or Correios unavailable). */
    TrackedObject unanswered(TrackedObject object, Instant now, String instance) {
        return object.polled(now, instance).dueIn(now, schedule.minInterval());
    }

    private Update notYetPosted(TrackedObject object, Set<UUID> published, Instant now,
            Duration interval) {
        if (object.milestone() == Milestone.PRE_POSTED && schedule.neverPosted(object.registeredAt(), now)) {
            return new Update(object.stopped(StopReason.NEVER_POSTED, now), unpublished(
                    List.of(Alerts.neverPosted(object.trackingCode(), object.registeredAt(), now)), published));
        }
        return new Update(object.dueAt(schedule.nextPollAt(now, object.nextPollAt(), interval)), List.of());
    }

    private Update found(TrackedObject object, TrackingReport report, Set<UUID> published, Instant now) {
        String code = object.trackingCode();
        MilestoneHistory history = MilestoneHistory.of(report.events());
        List<Step> steps = history.unpublished(object.milestone(),
                change -> published.contains(ShipmentStatusChanged.idFor(code, change.milestone(), change.cause())));
        List<ShipmentEvent> events = new ArrayList<>();
        boolean delivered = object.delivered();
        Milestone milestone = object.milestone();
        for (Step step : steps) {
            boolean reversed = delivered && step.milestone() != Milestone.DELIVERED;
            CorreiosEvent cause = forSubscribers(step.cause(), step.milestone());
            events.add(new ShipmentStatusChanged(ShipmentStatusChanged.idFor(code, step.milestone(), cause),
                    cause.occurredAt() != null ? cause.occurredAt() : OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                    code, step.milestone(), step.previous(), step.milestone().isTerminal(), reversed, cause,
                    report.expectedDelivery()));
            if (reversed) {
                events.add(Alerts.deliveryReversed(code, step.milestone(), cause, now));
            }
            if (step.milestone() == Milestone.RETURNED || step.milestone() == Milestone.LOST) {
                events.add(Alerts.ended(code, step.milestone(), cause, now));
            }
            delivered |= step.milestone() == Milestone.DELIVERED;
            milestone = step.milestone();
        }
        for (CorreiosEvent unknown : history.unknown()) {
            events.add(Alerts.unknownEvent(code, unknown, now));
        }
        Instant lastEventAt = history.latestEventAt() != null ? history.latestEventAt().toInstant()
                : object.lastEventAt();
        Instant expected = report.expectedDelivery() != null ? report.expectedDelivery().toInstant()
                : object.expectedDelivery();
        TrackedObject next = object.progressed(milestone, delivered, lastEventAt, expected, now);
        if (milestone.isTerminal()) {
            return new Update(next.stopped(StopReason.TERMINAL, now), unpublished(events, published));
        }
        if (milestone == Milestone.PRE_POSTED) {
            Update pending = notYetPosted(next, published, now, schedule.intervalFor(milestone, false));
            events.addAll(pending.events());
            return new Update(pending.next(), unpublished(events, published));
        }
        boolean stalled = lastEventAt != null && schedule.stalled(lastEventAt, now);
        if (stalled) {
            events.add(Alerts.stalled(code, milestone, lastEventAt, now));
        }
        CorreiosEvent newest = report.events().isEmpty() ? null : report.events().getFirst();
        Duration interval = schedule.intervalFor(milestone, stalled, newest, next.movedAt(), now);
        TrackedObject finished = next.stalledSince(stalled ? schedule.stalledSince(lastEventAt) : null);
        return new Update(finished.dueAt(schedule.nextPollAt(now, object.nextPollAt(), interval)),
                unpublished(events, published));
    }

    /** The event as published: the unit's full address only where the customer must go (pickup). */
    private static CorreiosEvent forSubscribers(CorreiosEvent event, Milestone milestone) {
        if (milestone == Milestone.AWAITING_PICKUP || event.unit() == null || event.unit().address() == null) {
            return event;
        }
        Unit u = event.unit();
        return new CorreiosEvent(event.code(), event.type(), event.description(), event.detail(), event.occurredAt(),
                new Unit(u.type(), u.name(), u.city(), u.state(), null), event.destinationUnit());
    }

    private static List<ShipmentEvent> unpublished(List<ShipmentEvent> events, Set<UUID> published) {
        return events.stream().filter(e -> !published.contains(e.eventId())).toList();
    }
}
