package br.com.techassist.shipments.notifier.notification;

import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.notifier.parcel.Parcel;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The two-message rule, applied each time a parcel changes (its row locked by the caller): SHIPPED
 * is due from POSTED onwards unless ARRIVED is already due; ARRIVED is due on DELIVERED or
 * AWAITING_PICKUP. A due message becomes a PENDING row; the unique key makes sure there is never a
 * second one. A SHIPPED not sent yet when ARRIVED becomes due is superseded. Nothing becomes due for
 * a parcel whose personal data was erased.
 */
@Component
public class NotificationRule {

    static final String SUPERSEDED = "superseded";
    private static final Logger log = LoggerFactory.getLogger(NotificationRule.class);

    private final Notifications notifications;
    private final NotifierMetrics metrics;
    private final DispatchSignal signal;

    NotificationRule(Notifications notifications, NotifierMetrics metrics, DispatchSignal signal) {
        this.notifications = notifications;
        this.metrics = metrics;
        this.signal = signal;
    }

    public void apply(Parcel parcel) {
        String code = parcel.trackingCode();
        if (parcel.arrivalMilestone() != null) {
            due(parcel, NotificationKind.ARRIVED, parcel.arrivalEventAt());
            supersedeShipped(parcel);
        } else if (parcel.shippedEventAt() != null) {
            due(parcel, NotificationKind.SHIPPED, parcel.shippedEventAt());
        }
        if (parcel.contactKnown() && !notifications.pendingFor(code).isEmpty()) {
            signal.afterCommit();
        }
    }

    /**
     * The message of {@code kind} became due: a PENDING row, unless it exists already. The message of
     * a parcel whose personal data was erased is recorded as SUPPRESSED {@code erased} instead: there
     * is nobody to send it to.
     */
    private void due(Parcel parcel, NotificationKind kind, Instant eventAt) {
        String code = parcel.trackingCode();
        if (parcel.erased()) {
            if (notifications.insertIfAbsent(code, kind, NotificationState.SUPPRESSED, Notification.ERASED, eventAt)) {
                metrics.suppressed(kind, Notification.ERASED);
                log.info("{} for {} not sent: the parcel's personal data was erased", kind, code);
            }
        } else if (notifications.insertIfAbsent(code, kind, NotificationState.PENDING, null, eventAt)) {
            log.info("{} due for {}{}", kind, code, kind == NotificationKind.ARRIVED ? " (" + parcel.arrivalMilestone() + ")" : "");
            signal.afterCommit();
        }
    }

    /**
     * The parcel's number changed (a corrected contact): a message that failed or was suppressed
     * because the old number had no WhatsApp becomes due again when it is still relevant (ARRIVED;
     * SHIPPED only while the parcel has not arrived). A message once SENT is never touched.
     */
    public void reopenForNewContact(Parcel parcel) {
        if (!parcel.contactStatus().isReachable() || parcel.sendTo() == null) {
            return;
        }
        for (Notification n : notifications.ofParcels(List.of(parcel.trackingCode()))) {
            boolean relevant = n.kind() == NotificationKind.ARRIVED || parcel.arrivalMilestone() == null;
            if (relevant && blockedByTheOldNumber(n) && notifications.reopen(n.id(), "contact corrected")) {
                metrics.reopened(n.kind(), "contact_corrected");
                log.info("{} for {} is due again: the contact was corrected", n.kind(), parcel.trackingCode());
                signal.afterCommit();
            }
        }
    }

    /** FAILED or SUPPRESSED because the number has no WhatsApp (Evolution exists:false, Cloud API 131026, contact check). */
    private static boolean blockedByTheOldNumber(Notification n) {
        return n.state() == NotificationState.FAILED && NO_WHATSAPP_CODES.contains(n.errorCode())
                || n.state() == NotificationState.SUPPRESSED && "no_whatsapp".equals(n.reason());
    }

    private static final Set<String> NO_WHATSAPP_CODES = Set.of("131026", "not_on_whatsapp");

    private void supersedeShipped(Parcel parcel) {
        String code = parcel.trackingCode();
        var shipped = notifications.find(code, NotificationKind.SHIPPED);
        if (shipped.isEmpty()) {
            if (notifications.insertIfAbsent(code, NotificationKind.SHIPPED, NotificationState.SUPPRESSED, SUPERSEDED,
                    parcel.shippedEventAt())) {
                metrics.suppressed(NotificationKind.SHIPPED, SUPERSEDED);
                log.info("SHIPPED suppressed for {}: first seen already arrived", code);
            }
        } else if (shipped.get().state() == NotificationState.PENDING) {
            notifications.transition(shipped.get().id(), NotificationState.SUPPRESSED, SUPERSEDED, null);
            metrics.suppressed(NotificationKind.SHIPPED, SUPERSEDED);
            log.info("SHIPPED suppressed for {}: it arrived before SHIPPED could be sent", code);
        }
    }
}
