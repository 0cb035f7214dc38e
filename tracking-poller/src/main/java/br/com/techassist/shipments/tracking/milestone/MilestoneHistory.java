package br.com.techassist.shipments.tracking.milestone;

import br.com.techassist.shipments.model.CorreiosEvent;
import br.com.techassist.shipments.model.Milestone;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The milestones an object went through, derived from all its SRO events (which Correios sends
 * newest first): events are replayed oldest first, an {@code EST} removes the event before it, and
 * every event whose milestone differs from the current one is a {@link Change}. Events of the same
 * milestone in a row make one change (the first one is its cause). Unknown pairs change nothing
 * and are listed in {@link #unknown()}.
 *
 * @param changes the milestone changes, oldest first, starting from {@link Milestone#PRE_POSTED}
 * @param unknown events whose (codigo, tipo) is not in the {@link MilestoneMapping}, oldest first
 * @param latestRetraction the newest {@code EST} event, if any
 * @param latestEventAt the time of the newest event, if any
 */
public record MilestoneHistory(
        List<Change> changes,
        List<CorreiosEvent> unknown,
        @Nullable CorreiosEvent latestRetraction,
        @Nullable OffsetDateTime latestEventAt) {

    /** The object moved to {@code milestone} because of {@code cause}. */
    public record Change(Milestone milestone, CorreiosEvent cause) {}

    /**
     * A change still to publish: {@code previous} is the milestone subscribers know. A
     * {@code correction} undoes a published milestone whose event Correios retracted ({@code cause}
     * is then the {@code EST} event).
     */
    public record Step(Milestone milestone, Milestone previous, CorreiosEvent cause, boolean correction) {}

    /** Derives the history from the events as Correios sends them (newest first). */
    public static MilestoneHistory of(List<CorreiosEvent> newestFirst) {
        List<CorreiosEvent> kept = new ArrayList<>();
        CorreiosEvent retraction = null;
        OffsetDateTime latest = null;
        for (CorreiosEvent event : newestFirst.reversed()) {
            if (event.occurredAt() != null && (latest == null || event.occurredAt().isAfter(latest))) {
                latest = event.occurredAt();
            }
            if (MilestoneMapping.isRetraction(event)) {
                retraction = event;
                if (!kept.isEmpty()) {
                    kept.removeLast();
                }
            } else {
                kept.add(event);
            }
        }
        List<Change> changes = new ArrayList<>();
        List<CorreiosEvent> unknown = new ArrayList<>();
        Milestone current = Milestone.PRE_POSTED;
        for (CorreiosEvent event : kept) {
            Optional<Milestone> milestone = MilestoneMapping.milestoneOf(event);
            if (milestone.isEmpty()) {
                if (!MilestoneMapping.isLabelEvent(event)) {
                    unknown.add(event);
                }
            } else if (milestone.get() != current) {
                current = milestone.get();
                changes.add(new Change(current, event));
            }
        }
        return new MilestoneHistory(List.copyOf(changes), List.copyOf(unknown), retraction, latest);
    }

    /** The milestone the events lead to. */
    public Milestone current() {
        return changes.isEmpty() ? Milestone.PRE_POSTED : changes.getLast().milestone();
    }

    /**
     * The steps to publish for an object whose subscribers know {@code published}, given which
     * changes were already published: every change after the newest published one, oldest first.
     * When the published milestone is no longer in the history (an {@code EST} retracted its event),
     * a correction back to the milestone the remaining events support comes first.
     */
    public List<Step> unpublished(Milestone published, Predicate<Change> alreadyPublished) {
        int newestPublished = -1;
        for (int i = 0; i < changes.size(); i++) {
            if (alreadyPublished.test(changes.get(i))) {
                newestPublished = i;
            }
        }
        List<Step> steps = new ArrayList<>();
        Milestone previous = published;
        Milestone supported = newestPublished >= 0 ? changes.get(newestPublished).milestone() : Milestone.PRE_POSTED;
        boolean retracted = supported != published && (newestPublished >= 0 || published != Milestone.PRE_POSTED);
        if (retracted && latestRetraction != null) {
            steps.add(new Step(supported, published, latestRetraction, true));
            previous = supported;
        }
        for (Change change : changes.subList(newestPublished + 1, changes.size())) {
            if (change.milestone() != previous) {
                steps.add(new Step(change.milestone(), previous, change.cause(), false));
                previous = change.milestone();
            }
        }
        return steps;
    }
}
