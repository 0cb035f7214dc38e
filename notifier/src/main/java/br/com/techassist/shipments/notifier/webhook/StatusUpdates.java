package br.com.techassist.shipments.notifier.webhook;

import br.com.techassist.shipments.model.EventIds;
import br.com.techassist.shipments.model.NotificationFailed;
import br.com.techassist.shipments.model.NotificationSent;
import br.com.techassist.shipments.model.NotificationStatusUpdated;
import br.com.techassist.shipments.model.NotificationStatusUpdated.DeliveryStatus;
import br.com.techassist.shipments.model.ShipmentAlert.AlertType;
import br.com.techassist.shipments.model.ShipmentAlert.Severity;
import br.com.techassist.shipments.notifier.notification.Alerts;
import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.notifier.notification.NotificationState;
import br.com.techassist.shipments.notifier.notification.Notifications;
import br.com.techassist.shipments.notifier.notification.NotifierMetrics;
import br.com.techassist.shipments.support.logging.Masking;
import br.com.techassist.shipments.support.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies provider status webhooks. Statuses come out of order and repeated, so the delivery status
 * only moves forward (sent → failed → delivered → read: a delivery after a failure means another
 * device got it). A status that confirms a message whose send is not settled (UNCERTAIN, or waiting for
 * another attempt) resolves it as SENT, so it is never sent again. For a message whose recipient was
 * erased (LGPD) the delivery status is still recorded, but no number is stored or passed on.
 */
@Component
class StatusUpdates {

    private static final Logger log = LoggerFactory.getLogger(StatusUpdates.class);
    static final int NO_WHATSAPP = 131026;

    private final Notifications notifications;
    private final Outbox outbox;
    private final Alerts alerts;
    private final NotifierMetrics metrics;
    private final Clock clock;

    StatusUpdates(Notifications notifications, Outbox outbox, Alerts alerts, NotifierMetrics metrics, Clock clock) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.alerts = alerts;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** One status of the webhook; returns true when it changed something. */
    @Transactional
    public boolean apply(StatusReport report) {
        Optional<Notification> found = Optional.<Notification>empty();
        if (report.callbackData() != null) {
            found = notifications.findById(report.callbackData());
        }
        if (found.isEmpty() && report.messageId() != null) {
            found = notifications.findByProviderMessageId(report.messageId());
        }
        if (found.isEmpty()) {
            log.debug("status {} for unknown message {}", report.status(), report.messageId());
            metrics.webhookStatus(report.status().name().toLowerCase(java.util.Locale.ROOT), false);
            return false;
        }
        Notification n = notifications.lock(found.get().id()).orElseThrow();
        DeliveryStatus current = n.deliveryStatus() == null ? null : DeliveryStatus.valueOf(n.deliveryStatus());
        boolean forward = rank(report.status()) > rank(current);
        String provider = n.provider() == null ? "cloud-api" : n.provider();
        // once the recipient was erased, no trace of the number, not even masked
        String to = n.recipientErased() ? Masking.phone(null)
                : Masking.phone(report.recipientId() != null ? report.recipientId() : n.recipient());
        Instant now = clock.instant();
        notifications.statusReceived(n.id());
        if (awaitsProof(n) && report.status() != DeliveryStatus.FAILED) {
            notifications.markSent(n.id(), report.messageId(), report.recipientId());
            outbox.enqueue(new NotificationSent(EventIds.of("NotificationSent", n.id()), now.atOffset(ZoneOffset.UTC),
                    n.trackingCode(), n.kind(), provider, report.messageId(), to));
            metrics.settledByWebhook(n.kind(), provider, n.state().name().toLowerCase(java.util.Locale.ROOT));
            log.info("{} for {} to {} was {}: the provider reports it {}, now SENT (never resent)", n.kind(), n.trackingCode(),
                    to, n.state() == NotificationState.PENDING ? "waiting for another attempt" : n.state(), report.status());
        }
        if (!forward) {
            metrics.webhookStatus(report.status().name().toLowerCase(java.util.Locale.ROOT), false);
            return false;
        }
        notifications.recordDelivery(n.id(), report.status().name(), report.messageId(), report.errorCode());
        if (report.status() == DeliveryStatus.FAILED) {
            notifications.transition(n.id(), NotificationState.FAILED, "provider status failed: " + report.errorTitle(),
                    report.errorCode());
            boolean noWhatsapp = Integer.toString(NO_WHATSAPP).equals(report.errorCode());
            outbox.enqueue(new NotificationFailed(EventIds.of("NotificationFailed", n.id(), "webhook"),
                    now.atOffset(ZoneOffset.UTC), n.trackingCode(), n.kind(), provider, report.messageId(), to,
                    "provider status failed: " + report.errorCode() + " " + report.errorTitle(), false, n.attempts()));
            alerts.raise(n.trackingCode(), noWhatsapp ? AlertType.NO_WHATSAPP : AlertType.SEND_FAILED,
                    noWhatsapp ? Severity.WARNING : Severity.CRITICAL,
                    n.kind() + " for " + n.trackingCode() + " was not delivered: " + report.errorCode() + " "
                            + report.errorTitle(),
                    Map.of("kind", n.kind().name(), "recipient", to, "code", String.valueOf(report.errorCode())),
                    n.kind(), "webhook");
        } else if (n.state() == NotificationState.FAILED && report.status() != DeliveryStatus.SENT) {
            notifications.transition(n.id(), NotificationState.SENT, null, null);
        }
        outbox.enqueue(new NotificationStatusUpdated(EventIds.of("NotificationStatusUpdated", n.id(), report.status()),
                report.timestamp() == null ? now.atOffset(ZoneOffset.UTC) : report.timestamp().atOffset(ZoneOffset.UTC),
                n.trackingCode(), n.kind(), provider, report.messageId() != null ? report.messageId() : n.providerMessageId(),
                to, report.status(), report.errorCode()));
        metrics.webhookStatus(report.status().name().toLowerCase(java.util.Locale.ROOT), true);
        log.info("{} for {} to {}: {}", n.kind(), n.trackingCode(), to, report.status());
        return true;
    }

    /**
     * A send whose outcome is not settled although it may have gone out: UNCERTAIN, or PENDING after
     * an attempt (waiting for a retry or for its one resend after reconciliation), or such a send
     * SUPPRESSED because its recipient was erased. A status webhook for it proves it went out.
     */
    private static boolean awaitsProof(Notification n) {
        return n.state() == NotificationState.UNCERTAIN || n.state() == NotificationState.PENDING && n.attempts() > 0
                || n.state() == NotificationState.SUPPRESSED && Notification.ERASED.equals(n.reason()) && n.attempts() > 0;
    }

    /** sent < failed < delivered < read. */
    static int rank(DeliveryStatus status) {
        if (status == null) {
            return 0;
        }
        return switch (status) {
            case SENT -> 1;
            case FAILED -> 2;
            case DELIVERED -> 3;
            case READ -> 4;
        };
    }

    /** One entry of {@code value.statuses[]}. */
    record StatusReport(String messageId, DeliveryStatus status, Instant timestamp, String recipientId, String callbackData,
            String errorCode, String errorTitle) {}
}
