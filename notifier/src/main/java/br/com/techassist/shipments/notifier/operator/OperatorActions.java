package br.com.techassist.shipments.notifier.operator;

import br.com.techassist.shipments.model.EventIds;
import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.model.NotificationSent;
import br.com.techassist.shipments.notifier.notification.DispatchSignal;
import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.notifier.notification.NotificationState;
import br.com.techassist.shipments.notifier.notification.Notifications;
import br.com.techassist.shipments.notifier.notification.NotifierMetrics;
import br.com.techassist.shipments.notifier.parcel.Parcel;
import br.com.techassist.shipments.notifier.parcel.Parcels;
import br.com.techassist.shipments.support.audit.AuditTrail;
import br.com.techassist.shipments.support.logging.Masking;
import br.com.techassist.shipments.support.outbox.Outbox;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an operator can do to a notification, each in one transaction with its audit record:
 * confirm a send whose outcome was not known ({@code sent}: SENT, never resent), or declare it not
 * sent ({@code not-sent}: due again, still under the two-message rule, opt-outs and quiet hours);
 * re-open failed messages in bulk. A SENT message is never reopened.
 */
@Component
class OperatorActions {

    private static final Logger log = LoggerFactory.getLogger(OperatorActions.class);

    /** What the operator saw. */
    enum Outcome {
        SENT,
        NOT_SENT
    }

    /** The answer to an action: the notification after it, or why it was refused. */
    sealed interface Result {
        record Done(Notification notification) implements Result {}

        record Unknown() implements Result {}

        record Refused(String why) implements Result {}
    }

    /** What a bulk retry did. */
    record RetryReport(int matched, int reopened, int skipped) {}

    private final Notifications notifications;
    private final Parcels parcels;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final NotifierMetrics metrics;
    private final DispatchSignal signal;
    private final Clock clock;

    OperatorActions(Notifications notifications, Parcels parcels, Outbox outbox, AuditTrail audit, NotifierMetrics metrics,
            DispatchSignal signal, Clock clock) {
        this.notifications = notifications;
        this.parcels = parcels;
        this.outbox = outbox;
        this.audit = audit;
        this.metrics = metrics;
        this.signal = signal;
        this.clock = clock;
    }

    @Transactional
    public Result resolve(String id, Outcome outcome) {
        Optional<Notification> locked = notifications.lock(id);
        if (locked.isEmpty()) {
            return new Result.Unknown();
        }
        Notification n = locked.get();
        Optional<String> refusal = outcome == Outcome.SENT ? refuseConfirmation(n) : refuseReopening(n);
        if (refusal.isPresent()) {
            return new Result.Refused(refusal.get());
        }
        if (outcome == Outcome.SENT) {
            notifications.markSent(n.id(), n.providerMessageId(), null);
            outbox.enqueue(new NotificationSent(EventIds.of("NotificationSent", n.id()),
                    clock.instant().atOffset(ZoneOffset.UTC), n.trackingCode(), n.kind(),
                    n.provider() == null ? "operator" : n.provider(), n.providerMessageId(), Masking.phone(n.recipient())));
            log.info("{} for {} confirmed SENT by an operator (was {})", n.kind(), n.trackingCode(), n.state());
        } else {
            notifications.reopen(n.id(), "operator: not sent");
            metrics.reopened(n.kind(), "operator_not_sent");
            signal.afterCommit();
            log.info("{} for {} declared not sent by an operator (was {}): due again", n.kind(), n.trackingCode(), n.state());
        }
        Notification after = notifications.findById(n.id()).orElseThrow();
        audit.record("notification.resolved." + (outcome == Outcome.SENT ? "sent" : "not-sent"), n.trackingCode(),
                snapshot(n), snapshot(after));
        return new Result.Done(after);
    }

    /** Re-opens up to {@code limit} notifications matching {@code filter} (FAILED, SUPPRESSED or UNCERTAIN). */
    @Transactional
    public RetryReport retry(Notifications.Filter filter, int limit) {
        int reopened = 0;
        int skipped = 0;
        var matched = notifications.search(filter, 0, limit);
        for (Notification n : matched) {
            if (refuseReopening(n).isPresent() || !notifications.reopen(n.id(), "operator: retried")) {
                skipped++;
                continue;
            }
            reopened++;
            metrics.reopened(n.kind(), "operator_retry");
            audit.record("notification.retried", n.trackingCode(), snapshot(n), Map.of("state", "PENDING", "kind", n.kind().name()));
        }
        if (reopened > 0) {
            signal.afterCommit();
        }
        log.info("operator retry of {}: {} matched, {} due again, {} skipped", filter, matched.size(), reopened, skipped);
        return new RetryReport(matched.size(), reopened, skipped);
    }

    /** Confirming SENT: only a send whose outcome is not settled, or one the provider reported failed. */
    private static Optional<String> refuseConfirmation(Notification n) {
        boolean attempted = n.state() == NotificationState.UNCERTAIN || n.state() == NotificationState.FAILED
                || n.state() == NotificationState.PENDING && n.attempts() > 0;
        return attempted ? Optional.empty()
                : Optional.of(n.kind() + " for " + n.trackingCode() + " is " + n.state()
                        + (n.state() == NotificationState.SENT ? " already" : ": nothing was sent to confirm"));
    }

    /**
     * Due again: only from FAILED, UNCERTAIN or SUPPRESSED (not opted out), never for a parcel whose
     * personal data was erased, and SHIPPED only while the parcel has not arrived.
     */
    private Optional<String> refuseReopening(Notification n) {
        if (n.state() != NotificationState.FAILED && n.state() != NotificationState.UNCERTAIN
                && n.state() != NotificationState.SUPPRESSED) {
            return Optional.of(n.kind() + " for " + n.trackingCode() + " is " + n.state() + ": it cannot be sent again");
        }
        if (n.state() == NotificationState.SUPPRESSED && "opted_out".equals(n.reason())) {
            return Optional.of(n.kind() + " for " + n.trackingCode() + " is suppressed: the customer opted out");
        }
        Optional<Parcel> parcel = parcels.find(n.trackingCode());
        if (parcel.map(Parcel::erased).orElse(false)) {
            return Optional.of(n.kind() + " for " + n.trackingCode() + " cannot be sent: the parcel's personal data was erased");
        }
        boolean arrived = parcel.map(p -> p.arrivalMilestone() != null).orElse(false);
        if (n.kind() == NotificationKind.SHIPPED && arrived) {
            return Optional.of("SHIPPED for " + n.trackingCode() + " is superseded: the parcel arrived, ARRIVED is the message due");
        }
        return Optional.empty();
    }

    private static Map<String, Object> snapshot(Notification n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", n.kind().name());
        m.put("state", n.state().name());
        m.put("reason", n.reason() == null ? "" : n.reason());
        m.put("recipient", Masking.phone(n.recipient()));
        return m;
    }
}
