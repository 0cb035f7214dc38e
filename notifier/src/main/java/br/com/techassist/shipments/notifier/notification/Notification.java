package br.com.techassist.shipments.notifier.notification;

import br.com.techassist.shipments.model.EventIds;
import br.com.techassist.shipments.model.NotificationKind;
import java.time.Instant;
import java.util.UUID;

/**
 * One of the two messages of a parcel. {@code id} is derived from (tracking code, kind), travels to
 * the Cloud API as {@code biz_opaque_callback_data} and comes back in status webhooks.
 * {@code claimedAt} is when the last send was claimed; {@code statusReceivedAt} when a status webhook
 * last reported on it; the {@code reconcile*} fields drive the reconciliation of an UNCERTAIN send
 * (checks made, next check, how often it was resent on proof it had not gone out); {@code messageDigest}
 * is the SHA-256 of the text claimed for sending, which tells this message from the parcel's other one
 * in the provider's record (both carry the tracking code).
 */
public record Notification(
        String id,
        String trackingCode,
        NotificationKind kind,
        NotificationState state,
        String reason,
        Instant nextAttemptAt,
        int attempts,
        String provider,
        String recipient,
        String providerMessageId,
        String waId,
        String deliveryStatus,
        String errorCode,
        Instant eventAt,
        Instant updatedAt,
        Instant claimedAt,
        Instant statusReceivedAt,
        int reconcileChecks,
        Instant reconcileNextAt,
        int reconcileResends,
        String messageDigest) {

    /** The reason of a message not sent (SUPPRESSED) because its parcel's personal data was erased (LGPD). */
    public static final String ERASED = "erased";

    /**
     * True when the message was claimed for sending and its recipient was erased since (LGPD): a claim
     * always stores the recipient, only an erasure removes it. Such a row can no longer be sent,
     * resent or reconciled through the provider's record, and no number is stored for it again.
     */
    public boolean recipientErased() {
        return recipient == null && claimedAt != null;
    }

    /** The id of the notification of {@code kind} for {@code trackingCode}. */
    public static String idFor(String trackingCode, NotificationKind kind) {
        UUID id = EventIds.of("Notification", trackingCode, kind);
        return id.toString();
    }
}
