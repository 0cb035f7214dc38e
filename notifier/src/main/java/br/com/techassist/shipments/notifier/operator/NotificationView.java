package br.com.techassist.shipments.notifier.operator;

import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.support.logging.Masking;
import java.time.Instant;

/**
 * One notification as operators see it; the recipient masked unless the caller is an operator, null
 * when there is none (not claimed yet, or erased).
 */
record NotificationView(String id, String trackingCode, String kind, String state, String reason, String errorCode,
        int attempts, String provider, String recipient, String providerMessageId, String deliveryStatus,
        Instant nextAttemptAt, Instant claimedAt, Instant updatedAt, int resends) {

    static NotificationView of(Notification n, boolean operator) {
        return new NotificationView(n.id(), n.trackingCode(), n.kind().name(), n.state().name(), n.reason(), n.errorCode(),
                n.attempts(), n.provider(), recipient(n.recipient(), operator), n.providerMessageId(),
                n.deliveryStatus(), n.nextAttemptAt(), n.claimedAt(), n.updatedAt(), n.reconcileResends());
    }

    private static String recipient(String recipient, boolean operator) {
        return recipient == null || operator ? recipient : Masking.phone(recipient);
    }
}
