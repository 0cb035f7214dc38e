package br.com.techassist.shipments.notifier.dispatch;

import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.model.ShipmentAlert.AlertType;
import br.com.techassist.shipments.model.ShipmentAlert.Severity;
import br.com.techassist.shipments.notifier.NotifierProperties;
import br.com.techassist.shipments.notifier.message.MessageComposer;
import br.com.techassist.shipments.notifier.notification.Alerts;
import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.notifier.notification.NotificationState;
import br.com.techassist.shipments.notifier.notification.Notifications;
import br.com.techassist.shipments.notifier.notification.NotifierMetrics;
import br.com.techassist.shipments.notifier.notification.OptOuts;
import br.com.techassist.shipments.notifier.parcel.Parcel;
import br.com.techassist.shipments.notifier.parcel.Parcels;
import br.com.techassist.shipments.notifier.provider.OutgoingMessage;
import br.com.techassist.shipments.notifier.provider.WhatsAppProvider;
import br.com.techassist.shipments.support.logging.Masking;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claim, in its own transaction committed before the provider is called: with the parcel and
 * the notification rows locked it checks the row is still due, suppresses it (no WhatsApp, opted
 * out), postpones it (quiet hours, another message of the parcel in flight) or moves it
 * PENDING → SENDING. Only one instance can win that update.
 */
@Component
class SendClaims {

    private static final Logger log = LoggerFactory.getLogger(SendClaims.class);

    private final Parcels parcels;
    private final Notifications notifications;
    private final OptOuts optOuts;
    private final MessageComposer composer;
    private final WhatsAppProvider provider;
    private final Alerts alerts;
    private final NotifierMetrics metrics;
    private final QuietHours quietHours;
    private final Clock clock;
    private final String instance;

    SendClaims(Parcels parcels, Notifications notifications, OptOuts optOuts, MessageComposer composer,
            WhatsAppProvider provider, Alerts alerts, NotifierMetrics metrics, NotifierProperties props, Clock clock) {
        this.parcels = parcels;
        this.notifications = notifications;
        this.optOuts = optOuts;
        this.composer = composer;
        this.provider = provider;
        this.alerts = alerts;
        this.metrics = metrics;
        this.quietHours = QuietHours.parse(props.quietHours());
        this.clock = clock;
        this.instance = ProcessHandle.current().pid() + "@" + hostName();
    }

    @Transactional
    public Optional<Claim> claim(String id) {
        Notification peek = notifications.findById(id).orElse(null);
        if (peek == null || peek.state() != NotificationState.PENDING) {
            return Optional.empty();
        }
        Parcel parcel = parcels.lock(peek.trackingCode()).orElse(null);
        Notification n = notifications.lock(id).orElse(null);
        Instant now = clock.instant();
        if (parcel == null || n == null || n.state() != NotificationState.PENDING || n.nextAttemptAt().isAfter(now)
                || !parcel.contactKnown()) {
            return Optional.empty();
        }
        String to = learnedWaId(n).orElse(parcel.sendTo());
        if (!parcel.contactStatus().isReachable() || to == null || to.isEmpty()) {
            suppress(n, parcel, "no_whatsapp", "contact " + parcel.contactStatus());
            alerts.raise(n.trackingCode(), AlertType.NO_WHATSAPP, Severity.WARNING,
                    "No WhatsApp message for " + n.trackingCode() + ": the recipient's contact is " + parcel.contactStatus(),
                    Map.of("kind", n.kind().name(), "contactStatus", parcel.contactStatus().name(),
                            "recipient", Masking.phone(parcel.e164())));
            return Optional.empty();
        }
        if (optOuts.isOptedOut(to) || optOuts.isOptedOut(parcel.e164())) {
            suppress(n, parcel, "opted_out", "the recipient opted out");
            return Optional.empty();
        }
        ZoneId zone = RecipientZones.of(to);
        Optional<Instant> opening = quietHours.nextOpening(now, zone);
        if (opening.isPresent()) {
            notifications.reschedule(id, opening.get(), "quiet hours");
            log.info("{} for {} waits for the sending window: {} ({})", n.kind(), n.trackingCode(),
                    opening.get().atZone(zone).toLocalDateTime(), zone.getId());
            return Optional.empty();
        }
        if (notifications.sendingFor(n.trackingCode())) {
            return Optional.empty();
        }
        OutgoingMessage composed = composer.compose(id, n.kind(), parcel);
        OutgoingMessage message = new OutgoingMessage(composed.notificationId(), composed.trackingCode(), composed.kind(),
                to, composed.text(), composed.template(), composed.language(), composed.parameters());
        if (!notifications.claim(id, provider.name(), to, instance)) {
            return Optional.empty();
        }
        return Optional.of(new Claim(n, parcel, message));
    }

    /**
     * The WhatsApp id the provider reported when SHIPPED went out ({@code contacts[0].wa_id}): ARRIVED
     * goes to the account id WhatsApp itself gave (12 digits for old Brazilian accounts).
     */
    private Optional<String> learnedWaId(Notification n) {
        if (n.kind() != NotificationKind.ARRIVED) {
            return Optional.empty();
        }
        return notifications.find(n.trackingCode(), NotificationKind.SHIPPED)
                .filter(shipped -> shipped.state() == NotificationState.SENT)
                .map(Notification::waId)
                .filter(waId -> waId != null && waId.matches("\\d{8,15}"));
    }

    private void suppress(Notification n, Parcel parcel, String reason, String detail) {
        notifications.transition(n.id(), NotificationState.SUPPRESSED, reason, null);
        metrics.suppressed(n.kind(), reason);
        log.info("{} suppressed for {} to {} ({}): {}", n.kind(), n.trackingCode(), Masking.phone(parcel.sendTo()),
                Masking.name(parcel.recipientName()), detail);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
