package br.com.techassist.shipments.tracking.milestone;

import static br.com.techassist.shipments.model.Milestone.DELIVERED;
import static br.com.techassist.shipments.model.Milestone.IN_TRANSIT;
import static br.com.techassist.shipments.model.Milestone.OUT_FOR_DELIVERY;
import static br.com.techassist.shipments.model.Milestone.POSTED;
import static br.com.techassist.shipments.model.Milestone.PRE_POSTED;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.CorreiosEvent;
import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.tracking.milestone.MilestoneHistory.Change;
import br.com.techassist.shipments.tracking.milestone.MilestoneHistory.Step;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MilestoneHistoryTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-20T10:00:00-03:00");

    @Test
    void eventsSentNewestFirstBecomeChangesOldestFirstOnePerMilestone() {
        var history = MilestoneHistory.of(newestFirst(ev("PO", "01", 0), ev("RO", "01", 1), ev("RO", "01", 2),
                ev("OEC", "01", 3), ev("BDE", "01", 4)));

        assertThat(milestones(history.changes())).containsExactly(POSTED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED);
        assertThat(history.changes().get(1).cause().occurredAt()).isEqualTo(T0.plusHours(1));
        assertThat(history.current()).isEqualTo(DELIVERED);
        assertThat(history.latestEventAt()).isEqualTo(T0.plusHours(4));
        assertThat(history.unknown()).isEmpty();
    }

    @Test
    void estRetractsTheEventBeforeIt() {
        var history = MilestoneHistory.of(newestFirst(ev("PO", "01", 0), ev("OEC", "01", 1), ev("BDE", "01", 2),
                ev("EST", "01", 3)));

        assertThat(milestones(history.changes())).containsExactly(POSTED, OUT_FOR_DELIVERY);
        assertThat(history.latestRetraction().code()).isEqualTo("EST");
    }

    @Test
    void twoEstInARowRetractTwoEvents() {
        var history = MilestoneHistory.of(newestFirst(ev("PO", "01", 0), ev("RO", "01", 1), ev("OEC", "01", 2),
                ev("EST", "01", 3), ev("EST", "01", 4)));

        assertThat(milestones(history.changes())).containsExactly(POSTED);
    }

    @Test
    void unknownPairsChangeNothingAndAreListedButLabelEventsAreNot() {
        var label = new CorreiosEvent("XX", "01", "Etiqueta emitida - aguardando postagem", null, T0, null, null);
        var history = MilestoneHistory.of(newestFirst(label, ev("PO", "01", 1), ev("ZZZ", "07", 2),
                ev("RO", "01", 3)));

        assertThat(milestones(history.changes())).containsExactly(POSTED, IN_TRANSIT);
        assertThat(history.unknown()).extracting(CorreiosEvent::code).containsExactly("ZZZ");
    }

    @Test
    void onlyLabelEventsMeanNotPostedYet() {
        var label = new CorreiosEvent("XX", "01", "Etiqueta emitida - aguardando postagem", null, T0, null, null);
        var history = MilestoneHistory.of(List.of(label));

        assertThat(history.changes()).isEmpty();
        assertThat(history.current()).isEqualTo(PRE_POSTED);
    }

    @Test
    void nothingPublishedYetMeansEveryChangeIsPublishedOldestFirst() {
        var history = MilestoneHistory.of(newestFirst(ev("PO", "01", 0), ev("RO", "01", 1), ev("BDE", "01", 2)));

        List<Step> steps = history.unpublished(PRE_POSTED, change -> false);

        assertThat(steps).extracting(Step::milestone).containsExactly(POSTED, IN_TRANSIT, DELIVERED);
        assertThat(steps).extracting(Step::previous).containsExactly(PRE_POSTED, POSTED, IN_TRANSIT);
        assertThat(steps).noneMatch(Step::correction);
    }

    @Test
    void onlyTheChangesAfterTheNewestPublishedOneArePublished() {
        var po = ev("PO", "01", 0);
        var ro = ev("RO", "01", 1);
        var history = MilestoneHistory.of(newestFirst(po, ro, ev("OEC", "01", 2)));

        List<Step> steps = history.unpublished(IN_TRANSIT, published(po, ro));

        assertThat(steps).extracting(Step::milestone).containsExactly(OUT_FOR_DELIVERY);
        assertThat(steps.getFirst().previous()).isEqualTo(IN_TRANSIT);
    }

    @Test
    void aLateEventOlderThanThePublishedOnesIsNotPublished() {
        var po = ev("PO", "01", 0);
        var oec = ev("OEC", "01", 2);
        var history = MilestoneHistory.of(newestFirst(po, ev("RO", "01", 1), oec));

        assertThat(history.unpublished(OUT_FOR_DELIVERY, published(po, oec))).isEmpty();
    }

    @Test
    void aRetractedPublishedMilestoneIsCorrectedByTheEstEvent() {
        var po = ev("PO", "01", 0);
        var oec = ev("OEC", "01", 1);
        var bde = ev("BDE", "01", 2);
        var history = MilestoneHistory.of(newestFirst(po, oec, bde, ev("EST", "01", 3)));

        List<Step> steps = history.unpublished(DELIVERED, published(po, oec, bde));

        assertThat(steps).singleElement().satisfies(step -> {
            assertThat(step.milestone()).isEqualTo(OUT_FOR_DELIVERY);
            assertThat(step.previous()).isEqualTo(DELIVERED);
            assertThat(step.correction()).isTrue();
            assertThat(step.cause().code()).isEqualTo("EST");
        });
    }

    @Test
    void anEventRetractedBeforeItWasPublishedIsNeverPublished() {
        var po = ev("PO", "01", 0);
        var history = MilestoneHistory.of(newestFirst(po, ev("BDE", "01", 1), ev("EST", "01", 2), ev("RO", "01", 3)));

        List<Step> steps = history.unpublished(POSTED, published(po));

        assertThat(steps).extracting(Step::milestone).containsExactly(IN_TRANSIT);
        assertThat(steps).noneMatch(Step::correction);
    }

    private static java.util.function.Predicate<Change> published(CorreiosEvent... causes) {
        Set<CorreiosEvent> set = Set.of(causes);
        return change -> set.contains(change.cause());
    }

    private static List<Milestone> milestones(List<Change> changes) {
        return changes.stream().map(Change::milestone).toList();
    }

    /** The events given oldest first, returned newest first as Correios sends them. */
    private static List<CorreiosEvent> newestFirst(CorreiosEvent... oldestFirst) {
        List<CorreiosEvent> list = new ArrayList<>(Arrays.asList(oldestFirst));
        return list.reversed();
    }

    private static CorreiosEvent ev(String code, String type, int hour) {
        return new CorreiosEvent(code, type, code + " " + type, null, T0.plusHours(hour), null, null);
    }
}
