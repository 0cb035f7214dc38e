package br.com.techassist.shipments.notifier.notification;

import br.com.techassist.shipments.model.EventIds;
import br.com.techassist.shipments.model.NotificationKind;
import java.time.Instant;
import java.util.UUID;

/**
 * One of the two messages of a parcel. {@code id} is derived from (tracking code, kind), travels to
 * the Cloud API as {@code biz_opaque_callback_data} and comes back in status webhooks.
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
        Instant updatedAt) {

    /** The id of the notification of {@code kind} for {@code trackingCode}. */
    public static String idFor(String trackingCode, NotificationKind kind) {
        UUID id = EventIds.of("Notification", trackingCode, kind);
        return id.toString();
    }
}
