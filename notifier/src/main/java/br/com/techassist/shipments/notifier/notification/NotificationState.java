package br.com.techassist.shipments.notifier.notification;

/** Life of one notification row. Only PENDING rows are ever picked for sending. */
public enum NotificationState {
    /** Due; waits for the contact, the quiet-hours window or the next retry ({@code next_attempt_at}). */
    PENDING,
    /** Claimed and handed to the provider; the answer is not recorded yet. */
    SENDING,
    /** The provider accepted the message. */
    SENT,
    /** The provider refused it for good ({@code reason}); never retried. */
    FAILED,
    /** Deliberately not sent ({@code reason}: no WhatsApp, opted out, superseded, erased). */
    SUPPRESSED,
    /** The provider may or may not have taken it (crash or timeout after the claim); never resent. */
    UNCERTAIN
}
