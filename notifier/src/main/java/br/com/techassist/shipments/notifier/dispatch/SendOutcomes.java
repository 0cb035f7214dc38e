package br.com.techassist.shipments.notifier.dispatch;

import br.com.techassist.shipments.model.EventIds;
import br.com.techassist.shipments.model.NotificationFailed;
import br.com.techassist.shipments.model.NotificationSent;
import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.ShipmentAlert.AlertType;
import br.com.techassist.shipments.model.ShipmentAlert.Severity;
import br.com.techassist.shipments.notifier.NotifierProperties;
import br.com.techassist.shipments.notifier.notification.Alerts;
import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.notifier.notification.NotificationState;
import br.com.techassist.shipments.notifier.notification.Notifications;
import br.com.techassist.shipments.notifier.notification.NotifierMetrics;
import br.com.techassist.shipments.notifier.provider.SendOutcome;
import br.com.techassist.shipments.support.logging.Masking;
import br.com.techassist.shipments.support.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what the provider answered, with the events and alerts it calls for: the answers of a
 * group of sends in one transaction ({@link OutcomeWriter} collects them). Also turns claims that
 * never got an answer into UNCERTAIN.
 */
@Component
class SendOutcomes {

    private static final Logger log = LoggerFactory.getLogger(SendOutcomes.class);

    private final Notifications notifications;
    private final Outbox outbox;
    private final Alerts alerts;
    private final NotifierMetrics metrics;
    private final ProviderGate gate;
    private final NotifierProperties props;
    private final Clock clock;

    SendOutcomes(Notifications notifications, Outbox outbox, Alerts alerts, NotifierMetrics metrics, ProviderGate gate,
            NotifierProperties props, Clock clock) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.alerts = alerts;
        this.metrics = metrics;
        this.gate = gate;
        this.props = props;
        this.clock = clock;
    }

    /**
     * Records a group of answers in one transaction (rows locked in id order, then each answer's
     * state change, events and alerts); returns true when an answer paused every send.
     */
    @Transactional
    public boolean record(List<Answer> answers) {
        Map<String, Notification> rows = notifications.lockAll(answers.stream().map(Answer::notificationId).toList())
                .stream()
                .collect(Collectors.toMap(Notification::id, Function.identity()));
        boolean halt = false;
        Map<String, Notifications.Sent> sent = new LinkedHashMap<>();
        List<ShipmentEvent> events = new ArrayList<>();
        for (Answer answer : answers) {
            Notification n = rows.get(answer.notificationId());
            if (n == null) {
                log.warn("answer {} ignored: notification {} is gone", answer.outcome().getClass().getSimpleName(),
                        answer.notificationId());
            } else {
                halt |= apply(n, answer, sent, events);
            }
        }
        notifications.markAllSent(sent);
        outbox.enqueueAll(events);
        return halt;
    }

    /**
     * One answer: accepted rows go to {@code sent} and every event to {@code events}, written for the
     * whole group at the end; the rarer transitions and alerts are written right away.
     */
    private boolean apply(Notification n, Answer answer, Map<String, Notifications.Sent> sent, List<ShipmentEvent> events) {
        Claim claim = answer.claim();
        String provider = answer.provider();
        SendOutcome outcome = answer.outcome();
        if (n.state() != NotificationState.SENDING && n.state() != NotificationState.UNCERTAIN) {
            log.warn("{} for {}: answer {} ignored, the notification is already {}", n.kind(), n.trackingCode(),
                    outcome.getClass().getSimpleName(), n.state());
            return false;
        }
        String to = Masking.phone(n.recipient());
        String name = Masking.name(claim.parcel().recipientName());
        Instant now = clock.instant();
        switch (outcome) {
            case SendOutcome.Accepted a -> accepted(n, provider, a.messageId(), a.waId(), to, name, now, sent, events);
            case SendOutcome.Unknown u when settledByWebhook(n) ->
                // a status webhook for this send came before its answer: it went out
                accepted(n, provider, n.providerMessageId(), null, to, name, now, sent, events);
            case SendOutcome.Retry r -> {
                Instant next = now.plus(backoff(n.attempts()));
                notifications.retryAt(n.id(), next, r.reason(), r.code(), true);
                events.add(failed(n, provider, to, r.reason(), true, now));
                metrics.message(n.kind(), provider, "retry");
                log.warn("{} for {} to {} not taken by {} (attempt {}), retrying at {}: {}", n.kind(), n.trackingCode(), to,
                        provider, n.attempts(), next, r.reason());
                if (n.attempts() == props.maxAttempts()) {
                    alerts.raise(n.trackingCode(), AlertType.SEND_DELAYED, Severity.WARNING,
                            n.kind() + " for " + n.trackingCode() + " not taken by " + provider + " after " + n.attempts()
                                    + " attempts; it keeps waiting: " + r.reason(),
                            Map.of("kind", n.kind().name(), "provider", provider, "code", r.code()), n.kind());
                }
            }
            case SendOutcome.Rejected r -> events.add(fail(n, provider, to, r.reason(), r.code(), r.noWhatsapp(), now));
            case SendOutcome.Paused p -> {
                Instant due = gate.close(p.cause(), p.reason(), p.code());
                notifications.retryAt(n.id(), due, p.reason(), p.code(), false);
                metrics.message(n.kind(), provider, "paused");
                log.warn("{} for {} to {} waits: {} cannot send ({}: {})", n.kind(), n.trackingCode(), to, provider,
                        p.cause(), p.reason());
                return true;
            }
            case SendOutcome.Unknown u -> {
                if (n.state() == NotificationState.SENDING) {
                    uncertain(n, to, u.reason());
                }
            }
        }
        return false;
    }

    private void accepted(Notification n, String provider, String messageId, String waId, String to, String name,
            Instant now, Map<String, Notifications.Sent> sent, List<ShipmentEvent> events) {
        sent.put(n.id(), new Notifications.Sent(messageId, waId));
        events.add(new NotificationSent(EventIds.of("NotificationSent", n.id()), at(now), n.trackingCode(), n.kind(),
                provider, messageId, to));
        metrics.message(n.kind(), provider, "sent");
        if (n.eventAt() != null) {
            metrics.eventToMessage(n.kind(), Duration.between(n.eventAt(), now));
        }
        log.info("{} sent for {} to {} ({}) via {}: {}", n.kind(), n.trackingCode(), to, name, provider, messageId);
    }

    /** A status webhook other than {@code failed} was recorded for this send while it was in flight. */
    private static boolean settledByWebhook(Notification n) {
        return n.deliveryStatus() != null && !"FAILED".equals(n.deliveryStatus()) && n.statusReceivedAt() != null
                && n.claimedAt() != null && !n.statusReceivedAt().isBefore(n.claimedAt());
    }

    /** A claim left without an answer (the process died, or the answer was lost): never resent. */
    @Transactional
    public void expire(String id) {
        Notification n = notifications.lock(id).orElse(null);
        if (n == null || n.state() != NotificationState.SENDING) {
            return;
        }
        uncertain(n, Masking.phone(n.recipient()), "no answer recorded since the claim at " + n.updatedAt());
    }

    /**
     * The send may or may not have gone out: UNCERTAIN, never resent blind; the {@code Reconciler}
     * asks the provider's record after {@code notifier.reconcile.first-check}. A WARNING alert says so;
     * a CRITICAL one follows only when reconciliation cannot settle it. A send whose recipient was
     * erased while it was in flight cannot be reconciled: SUPPRESSED {@code erased}.
     */
    private void uncertain(Notification n, String to, String reason) {
        if (n.recipientErased()) {
            // nothing to reconcile with and nobody to resend to
            notifications.suppressErased(n.id());
            metrics.suppressed(n.kind(), Notification.ERASED);
            log.info("{} for {} not settled ({}) and its recipient was erased meanwhile: SUPPRESSED {}", n.kind(),
                    n.trackingCode(), reason, Notification.ERASED);
            return;
        }
        notifications.markUncertain(n.id(), reason, clock.instant().plus(props.reconcile().firstCheck()));
        metrics.message(n.kind(), n.provider() == null ? "unknown" : n.provider(), "uncertain");
        alerts.raise(n.trackingCode(), AlertType.SEND_UNCERTAIN, Severity.WARNING,
                n.kind() + " for " + n.trackingCode() + " may or may not have been sent; it is not resent blind, it is being"
                        + " reconciled with the provider's record: " + reason,
                Map.of("kind", n.kind().name(), "notificationId", n.id(), "recipient", to), n.kind(), n.attempts());
        log.error("{} for {} to {} is UNCERTAIN (not resent; reconciling): {}", n.kind(), n.trackingCode(), to, reason);
    }

    /** FAILED for good, with its alert; returns the event to publish. */
    private NotificationFailed fail(Notification n, String provider, String to, String reason, String code,
            boolean noWhatsapp, Instant now) {
        notifications.transition(n.id(), NotificationState.FAILED, reason, code);
        metrics.message(n.kind(), provider, "failed");
        alerts.raise(n.trackingCode(), noWhatsapp ? AlertType.NO_WHATSAPP : AlertType.SEND_FAILED,
                noWhatsapp ? Severity.WARNING : Severity.CRITICAL,
                n.kind() + " for " + n.trackingCode() + " failed for good: " + reason,
                Map.of("kind", n.kind().name(), "provider", provider, "code", code == null ? "" : code, "recipient", to),
                n.kind());
        log.warn("{} failed for {} to {} via {} (not retried): {}", n.kind(), n.trackingCode(), to, provider, reason);
        return failed(n, provider, to, reason, false, now);
    }

    private NotificationFailed failed(Notification n, String provider, String to, String reason, boolean retryable,
            Instant now) {
        return new NotificationFailed(EventIds.of("NotificationFailed", n.id(), n.attempts()), at(now), n.trackingCode(),
                n.kind(), provider, n.providerMessageId(), to, reason, retryable, n.attempts());
    }

    Duration backoff(int attempts) {
        Duration d = props.retryBackoff().multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return d.compareTo(props.retryMaxBackoff()) > 0 ? props.retryMaxBackoff() : d;
    }

    private static OffsetDateTime at(Instant now) {
        return now.atOffset(ZoneOffset.UTC);
    }
}
