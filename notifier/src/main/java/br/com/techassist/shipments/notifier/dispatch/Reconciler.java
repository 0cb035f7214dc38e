package br.com.techassist.shipments.notifier.dispatch;

import br.com.techassist.shipments.model.EventIds;
import br.com.techassist.shipments.model.NotificationSent;
import br.com.techassist.shipments.model.ShipmentAlert.AlertType;
import br.com.techassist.shipments.model.ShipmentAlert.Severity;
import br.com.techassist.shipments.notifier.NotifierProperties;
import br.com.techassist.shipments.notifier.notification.Alerts;
import br.com.techassist.shipments.notifier.notification.DispatchSignal;
import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.notifier.notification.NotificationState;
import br.com.techassist.shipments.notifier.notification.Notifications;
import br.com.techassist.shipments.notifier.notification.NotifierMetrics;
import br.com.techassist.shipments.notifier.provider.SentTexts;
import br.com.techassist.shipments.notifier.provider.StoredMessage;
import br.com.techassist.shipments.notifier.provider.WhatsAppProvider;
import br.com.techassist.shipments.support.logging.Masking;
import br.com.techassist.shipments.support.outbox.Outbox;
import br.com.techassist.shipments.support.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles sends whose outcome is unknown (UNCERTAIN) from the provider's own record, never by a blind
 * resend (ARCHITECTURE "Provider answers"):
 * <ul>
 *   <li>Evolution (and the sandbox): {@code findMessages} for the recipient since the claim. A message
 *       carrying the tracking code → SENT with its id. Not found at two checks while the same query
 *       finds the messages we know were accepted in that period (so the server stores messages) →
 *       not sent: resent (each resend on such a proof, at most {@code notifier.reconcile.max-resends}
 *       times). If the server stores nothing, nothing is proven.</li>
 *   <li>Cloud API: a status webhook with our callback data settles it as SENT when it comes
 *       ({@code StatusUpdates}). None within {@code notifier.reconcile.webhook-window} while webhooks
 *       kept coming for messages sent after it → not sent: resent once (a weaker proof: never twice).</li>
 * </ul>
 * What stays unproven for {@code give-up-after}, or is uncertain again after its last allowed resend, stays
 * UNCERTAIN with a CRITICAL alert for an operator. A row whose recipient was erased (LGPD) is not
 * reconciled: SUPPRESSED {@code erased}. Every step is logged and counted.
 */
@Component
class Reconciler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final int BATCH = 50;
    private static final int CONTROLS = 3;
    /** Clocks of the provider and ours differ a little: the record is searched from a bit before the claim. */
    private static final Duration SKEW = Duration.ofMinutes(1);
    /** Proven absences needed before a resend. */
    private static final int NOT_FOUND_PROOFS = 2;

    private final Notifications notifications;
    private final WhatsAppProvider provider;
    private final Outbox outbox;
    private final Alerts alerts;
    private final NotifierMetrics metrics;
    private final DispatchSignal signal;
    private final NotifierProperties.Reconcile settings;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Worker worker;

    Reconciler(Notifications notifications, WhatsAppProvider provider, Outbox outbox, Alerts alerts,
            NotifierMetrics metrics, DispatchSignal signal, NotifierProperties props, Clock clock,
            PlatformTransactionManager txManager) {
        this.notifications = notifications;
        this.provider = provider;
        this.outbox = outbox;
        this.alerts = alerts;
        this.metrics = metrics;
        this.signal = signal;
        this.settings = props.reconcile();
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        this.worker = Worker.of("notifier-reconciler", settings.interval(), Duration.ofMinutes(1), this::pass);
    }

    /** One pass over the UNCERTAIN rows that are due; true when more are waiting. */
    boolean pass() {
        List<Notification> due = notifications.uncertainDue(clock.instant(), BATCH);
        for (Notification n : due) {
            try {
                reconcile(n);
            } catch (RuntimeException e) {
                Duration wait = settings.checkBackoff();
                notifications.scheduleReconcile(n.id(), clock.instant().plus(wait), n.reconcileChecks());
                metrics.reconciliation(providerOf(n), "error");
                log.warn("reconciling {} for {} failed, next try in {}: {}", n.kind(), n.trackingCode(), wait, e.toString());
            }
        }
        return due.size() == BATCH;
    }

    void reconcile(Notification n) {
        if (n.recipientErased()) {
            settleErased(n);
            return;
        }
        Instant now = clock.instant();
        Instant claimedAt = n.claimedAt() == null ? n.updatedAt() : n.claimedAt();
        Optional<List<StoredMessage>> record = provider.sentMessages(n.recipient(), claimedAt.minus(SKEW), now);
        if (record.isEmpty()) {
            byWebhookSilence(n, claimedAt, now);
            return;
        }
        Optional<StoredMessage> found = SentTexts.find(record.get(), n.trackingCode(), n.messageDigest(), otherMessageIds(n));
        if (found.isPresent()) {
            settleSent(n, found.get().id());
        } else if (storeKeepsMessages(n, claimedAt, now)) {
            int proofs = n.reconcileChecks() + 1;
            metrics.reconciliation(providerOf(n), "not_found");
            log.info("{} for {}: not in {}'s record of sent messages ({} of {} checks)", n.kind(), n.trackingCode(),
                    providerOf(n), proofs, NOT_FOUND_PROOFS);
            if (proofs >= NOT_FOUND_PROOFS) {
                resend(n, "not in the provider's record of sent messages at " + proofs + " checks", settings.maxResends());
            } else {
                notifications.scheduleReconcile(n.id(), now.plus(settings.checkBackoff()), proofs);
            }
        } else {
            unproven(n, claimedAt, now, "not in the provider's record, but the record shows no message we know was sent"
                    + " in that period (message storage off?)");
        }
    }

    /** The provider ids of the parcel's other message (its text carries the same tracking code). */
    private Set<String> otherMessageIds(Notification n) {
        return notifications.ofParcels(List.of(n.trackingCode())).stream()
                .filter(other -> !other.id().equals(n.id()) && other.providerMessageId() != null)
                .map(Notification::providerMessageId)
                .collect(Collectors.toSet());
    }

    /** Cloud API: no record to ask; the silence of its status webhooks is the proof. */
    private void byWebhookSilence(Notification n, Instant claimedAt, Instant now) {
        Instant windowEnd = claimedAt.plus(settings.webhookWindow());
        if (now.isBefore(windowEnd)) {
            notifications.scheduleReconcile(n.id(), windowEnd, n.reconcileChecks());
            return;
        }
        if (notifications.statusesArrivedForLaterSends(n.id(), providerOf(n), claimedAt)) {
            resend(n, "no status webhook within " + settings.webhookWindow() + " while webhooks came for later messages", 1);
        } else {
            unproven(n, claimedAt, now, "no status webhook, and none came for later messages either");
        }
    }

    /** Whether the provider's record holds the messages we know it accepted since shortly before the claim. */
    private boolean storeKeepsMessages(Notification n, Instant claimedAt, Instant now) {
        for (Notification control : notifications.acceptedBetween(providerOf(n), claimedAt.minus(Duration.ofHours(1)), now,
                CONTROLS + 1)) {
            if (control.id().equals(n.id())) {
                continue;
            }
            Optional<List<StoredMessage>> record = provider.sentMessages(control.recipient(), control.claimedAt().minus(SKEW),
                    now);
            if (record.isPresent() && record.get().stream().anyMatch(m -> control.providerMessageId().equals(m.id()))) {
                return true;
            }
        }
        return false;
    }

    private void settleSent(Notification n, String messageId) {
        boolean settled = Boolean.TRUE.equals(tx.execute(status -> {
            Notification row = notifications.lock(n.id()).orElse(null);
            if (row == null || row.state() != NotificationState.UNCERTAIN) {
                return false;
            }
            notifications.markSent(n.id(), messageId, null);
            outbox.enqueue(new NotificationSent(EventIds.of("NotificationSent", n.id()),
                    clock.instant().atOffset(ZoneOffset.UTC), n.trackingCode(), n.kind(), providerOf(n), messageId,
                    Masking.phone(n.recipient())));
            return true;
        }));
        if (settled) {
            metrics.reconciliation(providerOf(n), "sent");
            log.info("{} for {} to {} was UNCERTAIN: found in {}'s record ({}), now SENT", n.kind(), n.trackingCode(),
                    Masking.phone(n.recipient()), providerOf(n), messageId);
        }
    }

    /** The recipient was erased (LGPD): no record to ask, nobody to resend to. */
    private void settleErased(Notification n) {
        if (notifications.suppressErased(n.id())) {
            metrics.reconciliation(providerOf(n), Notification.ERASED);
            metrics.suppressed(n.kind(), Notification.ERASED);
            log.info("{} for {} was UNCERTAIN and its recipient was erased: SUPPRESSED {}, not reconciled", n.kind(),
                    n.trackingCode(), Notification.ERASED);
        }
    }

    /** Proved not sent: PENDING again for a resend, unless it was resent {@code maxResends} times already. */
    private void resend(Notification n, String proof, int maxResends) {
        if (n.reconcileResends() >= maxResends) {
            giveUp(n, proof + ", but it was resent " + n.reconcileResends() + " time(s) already");
            return;
        }
        if (notifications.reopenForResend(n.id(), "reconciled as not sent: " + proof, maxResends)) {
            metrics.reconciliation(providerOf(n), "resent");
            log.warn("{} for {} to {} was UNCERTAIN and proved not sent ({}): sending it again", n.kind(),
                    n.trackingCode(), Masking.phone(n.recipient()), proof);
            signal.now();
        }
    }

    private void unproven(Notification n, Instant claimedAt, Instant now, String why) {
        if (!now.isBefore(claimedAt.plus(settings.giveUpAfter()))) {
            giveUp(n, why);
            return;
        }
        metrics.reconciliation(providerOf(n), "unproven");
        log.info("{} for {}: nothing proven yet ({}); asking again in {}", n.kind(), n.trackingCode(), why,
                settings.checkBackoff());
        notifications.scheduleReconcile(n.id(), now.plus(settings.checkBackoff()), n.reconcileChecks());
    }

    private void giveUp(Notification n, String why) {
        if (!notifications.scheduleReconcile(n.id(), null, n.reconcileChecks())) {
            return;
        }
        metrics.reconciliation(providerOf(n), "given_up");
        alerts.raise(n.trackingCode(), AlertType.SEND_UNCERTAIN, Severity.CRITICAL,
                n.kind() + " for " + n.trackingCode() + " may or may not have been sent and reconciliation cannot tell ("
                        + why + "); it will not be resent: an operator must check",
                Map.of("kind", n.kind().name(), "notificationId", n.id(), "recipient", Masking.phone(n.recipient())),
                n.kind(), "given-up");
        log.error("{} for {} to {} stays UNCERTAIN for an operator: {}", n.kind(), n.trackingCode(),
                Masking.phone(n.recipient()), why);
    }

    private String providerOf(Notification n) {
        return n.provider() == null ? provider.name() : n.provider();
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop(Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
