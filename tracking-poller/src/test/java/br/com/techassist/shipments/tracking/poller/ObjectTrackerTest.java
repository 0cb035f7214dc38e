package br.com.techassist.shipments.tracking.poller;

import static br.com.techassist.shipments.model.Milestone.AWAITING_PICKUP;
import static br.com.techassist.shipments.model.Milestone.DELIVERED;
import static br.com.techassist.shipments.model.Milestone.IN_TRANSIT;
import static br.com.techassist.shipments.model.Milestone.OUT_FOR_DELIVERY;
import static br.com.techassist.shipments.model.Milestone.POSTED;
import static br.com.techassist.shipments.model.Milestone.PRE_POSTED;
import static br.com.techassist.shipments.model.Milestone.RETURNING;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.Address;
import br.com.techassist.shipments.model.CorreiosEvent;
import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.ShipmentAlert.AlertType;
import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.ShipmentStatusChanged;
import br.com.techassist.shipments.model.Unit;
import br.com.techassist.shipments.tracking.poller.TrackedObject.StopReason;
import br.com.techassist.shipments.tracking.source.TrackingReport;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ObjectTrackerTest {

    private static final String CODE = "DG049186226BR";
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-20T10:00:00-03:00");
    private static final Instant NOW = T0.plusHours(10).toInstant();

    private final ObjectTracker tracker = new ObjectTracker(new PollSchedule(TestProperties.defaults(1)));
    private final Set<UUID> published = new HashSet<>();
    private TrackedObject object = TrackedObject.registered(CODE, 3, T0.minusDays(1).toInstant(), NOW);

    @Test
    void severalMilestonesInOneAnswerArePublishedOnceOldestFirstAndTheObjectStops() {
        List<ShipmentEvent> events = apply(found(ev("BDE", "01", 4), ev("OEC", "01", 3), ev("RO", "01", 1),
                ev("PO", "01", 0)));

        assertThat(changes(events)).extracting(ShipmentStatusChanged::milestone)
                .containsExactly(POSTED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED);
        assertThat(changes(events).getLast().terminal()).isTrue();
        assertThat(changes(events)).noneMatch(ShipmentStatusChanged::deliveryReversed);
        assertThat(object.active()).isFalse();
        assertThat(object.stopReason()).isEqualTo(StopReason.TERMINAL);
        assertThat(object.delivered()).isTrue();
        assertThat(apply(found(ev("BDE", "01", 4), ev("PO", "01", 0)))).isEmpty();
    }

    @Test
    void theSameAnswerTwicePublishesNothingTheSecondTime() {
        var answer = found(ev("RO", "01", 1), ev("PO", "01", 0));
        assertThat(apply(answer)).hasSize(2);

        assertThat(apply(answer)).isEmpty();
        assertThat(object.milestone()).isEqualTo(IN_TRANSIT);
        assertThat(object.nextPollAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(object.polls()).isEqualTo(2);
    }

    @Test
    void aReturnAfterDeliveryInOneAnswerIsMarkedReversedAndAlerted() {
        List<ShipmentEvent> events = apply(found(ev("BDE", "26", 5), ev("BDE", "01", 4), ev("PO", "01", 0)));

        assertThat(changes(events)).extracting(ShipmentStatusChanged::milestone)
                .containsExactly(POSTED, DELIVERED, RETURNING);
        assertThat(changes(events).getLast().deliveryReversed()).isTrue();
        assertThat(alerts(events)).extracting(ShipmentAlert::type).containsExactly(AlertType.DELIVERY_REVERSED);
        assertThat(object.active()).isTrue();
    }

    @Test
    void sro019StopsPollingWithAnAlert() {
        List<ShipmentEvent> events = apply(TrackingReport.invalid(CODE, "SRO-019: Objeto inválido"));

        assertThat(alerts(events)).extracting(ShipmentAlert::type).containsExactly(AlertType.INVALID_TRACKING_CODE);
        assertThat(object.active()).isFalse();
        assertThat(object.stopReason()).isEqualTo(StopReason.INVALID);
    }

    @Test
    void sro020KeepsPollingHourlyUntilThirtyDaysThenAlertsNeverPosted() {
        assertThat(apply(TrackingReport.notFound(CODE, "SRO-020: Objeto não encontrado"))).isEmpty();
        assertThat(object.nextPollAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));

        object = TrackedObject.registered(CODE, 3, NOW.minus(Duration.ofDays(30)), NOW);
        List<ShipmentEvent> events = apply(TrackingReport.notFound(CODE, "SRO-020: Objeto não encontrado"));

        assertThat(alerts(events)).extracting(ShipmentAlert::type).containsExactly(AlertType.NEVER_POSTED);
        assertThat(object.stopReason()).isEqualTo(StopReason.NEVER_POSTED);
    }

    @Test
    void anUnknownPairIsAlertedOnceAndPollingContinues() {
        List<ShipmentEvent> events = apply(found(ev("ZZZ", "42", 1), ev("PO", "01", 0)));

        assertThat(changes(events)).extracting(ShipmentStatusChanged::milestone).containsExactly(POSTED);
        assertThat(alerts(events)).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AlertType.UNKNOWN_EVENT_CODE);
            assertThat(a.details()).containsEntry("code", "ZZZ").containsEntry("type", "42");
        });
        assertThat(object.active()).isTrue();
        assertThat(apply(found(ev("ZZZ", "42", 1), ev("PO", "01", 0)))).isEmpty();
    }

    @Test
    void noNewEventForSevenDaysAlertsStalledOnceAndPollsEverySixHours() {
        var old = found(ev("RO", "01", -8 * 24), ev("PO", "01", -8 * 24 - 1));

        assertThat(alerts(apply(old))).extracting(ShipmentAlert::type).containsExactly(AlertType.STALLED);
        assertThat(object.nextPollAt()).isEqualTo(NOW.plus(Duration.ofHours(6)));
        assertThat(apply(old)).isEmpty();
    }

    @Test
    void anObjectFinishesWhenItStopsWhicheverTheReason() {
        apply(found(ev("RO", "01", 1), ev("PO", "01", 0)));
        assertThat(object.finishedAt()).as("alive").isNull();
        apply(found(ev("BDE", "01", 2), ev("RO", "01", 1), ev("PO", "01", 0)));
        assertThat(object.finishedAt()).isEqualTo(NOW);

        object = TrackedObject.registered(CODE, 3, NOW, NOW);
        apply(TrackingReport.invalid(CODE, "SRO-019: Objeto inválido"));
        assertThat(object.finishedAt()).isEqualTo(NOW);

        object = TrackedObject.registered(CODE, 3, NOW.minus(Duration.ofDays(30)), NOW);
        apply(TrackingReport.notFound(CODE, "SRO-020: Objeto não encontrado"));
        assertThat(object.finishedAt()).isEqualTo(NOW);
    }

    @Test
    void aStalledObjectFinishedWhenItBecameStalledAndIsUnfinishedWhenItMovesAgain() {
        apply(found(ev("RO", "01", -8 * 24), ev("PO", "01", -8 * 24 - 1)));
        assertThat(object.active()).isTrue();
        assertThat(object.finishedAt()).as("newest event + stalled-after")
                .isEqualTo(T0.plusHours(-8 * 24).plusDays(7).toInstant());

        apply(found(ev("OEC", "01", 9), ev("RO", "01", -8 * 24), ev("PO", "01", -8 * 24 - 1)));
        assertThat(object.finishedAt()).isNull();
    }

    @Test
    void thePickupAddressIsPublishedOnlyForAwaitingPickup() {
        var address = new Address("Rua A", "10", null, "Centro", "LONDRINA", "PR", "86010000");
        var unit = new Unit("Agência dos Correios", "AC LONDRINA", "LONDRINA", "PR", address);
        var ldi = new CorreiosEvent("LDI", "01", "Objeto aguardando retirada", null, T0.plusHours(2), unit, null);
        var ro = new CorreiosEvent("RO", "01", "Objeto em trânsito", null, T0.plusHours(1), unit, null);

        List<ShipmentStatusChanged> changes = changes(apply(found(ldi, ro)));

        assertThat(changes).extracting(ShipmentStatusChanged::milestone).containsExactly(IN_TRANSIT, AWAITING_PICKUP);
        assertThat(changes.get(0).correiosEvent().unit().address()).isNull();
        assertThat(changes.get(1).correiosEvent().unit().address()).isEqualTo(address);
        assertThat(object.nextPollAt()).isEqualTo(NOW.plus(Duration.ofHours(6)));
    }

    @Test
    void anUnansweredPollChangesNothingButTheRetryTime() {
        apply(found(ev("RO", "01", -8 * 24), ev("PO", "01", -8 * 24 - 1)));
        TrackedObject before = object;

        TrackedObject after = tracker.unanswered(before, NOW.plusSeconds(60), "test");

        assertThat(after.milestone()).isEqualTo(before.milestone());
        assertThat(after.lastEventAt()).isEqualTo(before.lastEventAt());
        assertThat(after.active()).isTrue();
        assertThat(after.nextPollAt()).isEqualTo(NOW.plusSeconds(60).plus(Duration.ofMinutes(10)));
    }

    @Test
    void onlyLabelEventsMeanNotPostedYet() {
        var label = new CorreiosEvent("XX", "01", "Etiqueta emitida - Aguardando postagem", null, T0, null, null);

        assertThat(apply(found(label))).isEmpty();
        assertThat(object.milestone()).isEqualTo(PRE_POSTED);
        assertThat(object.nextPollAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    private List<ShipmentEvent> apply(TrackingReport report) {
        var update = tracker.apply(object, report, published, NOW, "test");
        object = update.next();
        update.events().forEach(e -> published.add(e.eventId()));
        return update.events();
    }

    private static TrackingReport found(CorreiosEvent... newestFirst) {
        return TrackingReport.found(CODE, null, List.of(newestFirst));
    }

    private static List<ShipmentStatusChanged> changes(List<ShipmentEvent> events) {
        return events.stream().filter(ShipmentStatusChanged.class::isInstance).map(ShipmentStatusChanged.class::cast)
                .toList();
    }

    private static List<ShipmentAlert> alerts(List<ShipmentEvent> events) {
        return events.stream().filter(ShipmentAlert.class::isInstance).map(ShipmentAlert.class::cast).toList();
    }

    private static CorreiosEvent ev(String code, String type, int hour) {
        return new CorreiosEvent(code, type, code + " " + type, null, T0.plusHours(hour), null, null);
    }
}
