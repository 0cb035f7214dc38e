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
import br.com.techassist.shipments.notifier.provider.SentTexts;
import br.com.techassist.shipments.notifier.provider.WhatsAppProvider;
import br.com.techassist.shipments.support.logging.Masking;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claim of a batch, in its own transaction committed before the provider is called: with the
 * parcels and the notification rows locked it checks each row is still due, suppresses it (no
 * WhatsApp, opted out, personal data erased), postpones it (quiet hours, another message of the parcel in flight) or moves
 * it PENDING → SENDING. Only one instance can win that update.
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
    private final String instance;

    SendClaims(Parcels parcels, Notifications notifications, OptOuts optOuts, MessageComposer composer,
            WhatsAppProvider provider, Alerts alerts, NotifierMetrics metrics, NotifierProperties props) {
        this.parcels = parcels;
        this.notifications = notifications;
        this.optOuts = optOuts;
        this.composer = composer;
        this.provider = provider;
        this.alerts = alerts;
        this.metrics = metrics;
        this.quietHours = QuietHours.parse(props.quietHours());
        this.instance = ProcessHandle.current().pid() + "@" + hostName();
    }

    /**
     * Claims, in one transaction, every one of {@code due} (PENDING rows picked as due) that may go
     * out at {@code now}: the parcels and then the rows are locked, the parcels' other notifications
     * and the opt-outs are read for the whole batch at once, and one UPDATE claims them all. Rows
     * that may not go out are suppressed (no WhatsApp, opted out) or postponed (quiet hours; another
     * message of the parcel in flight, also within this batch); rows another instance took meanwhile
     * are skipped. The claims are committed when this returns, before anything is sent.
     */
    @Transactional
    public List<Claim> claim(List<Notification> due, Instant now) {
        if (due.isEmpty()) {
            return List.of();
        }
        // locking reads first: the plain read of the siblings below then sees every claim committed before
        Map<String, Parcel> parcelsByCode = parcels.lockAll(due.stream().map(Notification::trackingCode).distinct().toList());
        List<Notification> rows = notifications.lockAll(due.stream().map(Notification::id).toList());
        Set<String> busyParcels = new HashSet<>();
        Map<String, String> learnedWaIds = new HashMap<>();
        for (Notification sibling : notifications.ofParcels(parcelsByCode.keySet())) {
            if (sibling.state() == NotificationState.SENDING) {
                busyParcels.add(sibling.trackingCode());
            }
            learnedWaId(sibling).ifPresent(waId -> learnedWaIds.put(sibling.trackingCode(), waId));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Notification n : rows) {
            Parcel parcel = parcelsByCode.get(n.trackingCode());
            if (parcel != null && n.state() == NotificationState.PENDING && !n.nextAttemptAt().isAfter(now)
                    && parcel.contactKnown()) {
                String to = n.kind() == NotificationKind.ARRIVED && learnedWaIds.containsKey(n.trackingCode())
                        ? learnedWaIds.get(n.trackingCode())
                        : parcel.sendTo();
                candidates.add(new Candidate(n, parcel, to));
            }
        }
        Set<String> optedOut = optOuts.optedOut(candidates.stream()
                .flatMap(c -> Stream.of(c.to(), c.parcel().e164()))
                .filter(Objects::nonNull)
                .toList());
        Map<String, String> recipients = new LinkedHashMap<>();
        Map<String, String> digests = new HashMap<>();
        List<Claim> claimed = new ArrayList<>();
        for (Candidate c : candidates) {
            Notification n = c.notification();
            Parcel parcel = c.parcel();
            if (parcel.erased()) {
                suppress(n, parcel, Notification.ERASED, "the parcel's personal data was erased");
            } else if (!parcel.contactStatus().isReachable() || c.to() == null || c.to().isEmpty()) {
                suppressUnreachable(n, parcel);
            } else if (optedOut.contains(c.to()) || optedOut.contains(parcel.e164())) {
                suppress(n, parcel, "opted_out", "the recipient opted out");
            } else if (!postponedByQuietHours(n, c.to(), now) && !busyParcels.contains(n.trackingCode())) {
                compose(n, parcel, c.to()).ifPresent(claim -> {
                    busyParcels.add(n.trackingCode());
                    recipients.put(n.id(), c.to());
                    digests.put(n.id(), SentTexts.digest(claim.message().text()));
                    claimed.add(claim);
                });
            }
        }
        int updated = notifications.claimAll(recipients, digests, provider.name(), instance);
        if (updated != claimed.size()) {
            // cannot happen while the rows are locked; never send what may not be ours
            throw new IllegalStateException("claimed " + updated + " of " + claimed.size() + " locked rows");
        }
        return claimed;
    }

    /** The claim with its message; empty (the row stays PENDING, the rest of the batch goes on) when it cannot be composed. */
    private Optional<Claim> compose(Notification n, Parcel parcel, String to) {
        try {
            OutgoingMessage composed = composer.compose(n.id(), n.kind(), parcel);
            return Optional.of(new Claim(n, parcel, new OutgoingMessage(composed.notificationId(), composed.trackingCode(),
                    composed.kind(), to, composed.text(), composed.template(), composed.language(), composed.parameters())));
        } catch (RuntimeException e) {
            log.error("{} for {} cannot be composed, left PENDING: {}", n.kind(), n.trackingCode(), e.toString(), e);
            return Optional.empty();
        }
    }

    /** A due row with its locked parcel and the number it would go to. */
    private record Candidate(Notification notification, Parcel parcel, String to) {}

    private void suppressUnreachable(Notification n, Parcel parcel) {
        suppress(n, parcel, "no_whatsapp", "contact " + parcel.contactStatus());
        alerts.raise(n.trackingCode(), AlertType.NO_WHATSAPP, Severity.WARNING,
                "No WhatsApp message for " + n.trackingCode() + ": the recipient's contact is " + parcel.contactStatus(),
                Map.of("kind", n.kind().name(), "contactStatus", parcel.contactStatus().name(),
                        "recipient", Masking.phone(parcel.e164())));
    }

    private boolean postponedByQuietHours(Notification n, String to, Instant now) {
        ZoneId zone = RecipientZones.of(to);
        Optional<Instant> opening = quietHours.nextOpening(now, zone);
        if (opening.isEmpty()) {
            return false;
        }
        notifications.reschedule(n.id(), opening.get(), "quiet hours");
        log.info("{} for {} waits for the sending window: {} ({})", n.kind(), n.trackingCode(),
                opening.get().atZone(zone).toLocalDateTime(), zone.getId());
        return true;
    }

    /**
     * The WhatsApp id the provider reported when SHIPPED went out ({@code contacts[0].wa_id}): ARRIVED
     * goes to the account id WhatsApp itself gave (12 digits for old Brazilian accounts).
     */
    private static Optional<String> learnedWaId(Notification shipped) {
        return Optional.of(shipped)
                .filter(n -> n.kind() == NotificationKind.SHIPPED && n.state() == NotificationState.SENT)
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
