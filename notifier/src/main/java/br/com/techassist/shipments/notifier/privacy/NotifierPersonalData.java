package br.com.techassist.shipments.notifier.privacy;

import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.model.PersonalDataErasureRequested;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.notifier.notification.Notifications;
import br.com.techassist.shipments.notifier.notification.NotifierMetrics;
import br.com.techassist.shipments.notifier.parcel.Parcels;
import br.com.techassist.shipments.support.privacy.PersonalDataHolder;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The personal data the notifier keeps of a parcel, and its erasure (LGPD):
 * <ul>
 *   <li>{@code parcel}: the recipient's name, the product (free text from the declaração de conteúdo:
 *       it may name a person or reveal health data), the E.164 number and the WhatsApp id → NULL;
 *       {@code erased_at} set, the row created when the parcel is not known yet, so events arriving
 *       later store none of it and make no message due;</li>
 *   <li>{@code notification}: the recipient, the WhatsApp id and the digest of the text (it holds the
 *       name) → NULL; kind, state, timestamps, attempts and the provider's message id stay. A message
 *       not sent yet (PENDING, waiting for its time, a retry or a resend) and a send whose outcome is
 *       not settled (UNCERTAIN: without the number it can be neither reconciled with the provider's
 *       record nor resent) become SUPPRESSED {@code erased}; {@code attempts > 0} still shows an
 *       attempt was made, and a status webhook that proves it went out still makes it SENT. A send in
 *       flight (SENDING) keeps its state: its answer is recorded without the number.</li>
 * </ul>
 * Kept: the Correios milestones, their places (Correios units, not the customer's address) and the
 * contact status (no number). Opt-outs are keyed hashes, kept so the person stays opted out. Audit
 * records hold the recipient masked only and expire with {@code AUDIT_RETENTION}.
 */
@Component
class NotifierPersonalData implements PersonalDataHolder {

    private static final Logger log = LoggerFactory.getLogger(NotifierPersonalData.class);

    private final Parcels parcels;
    private final Notifications notifications;
    private final NotifierMetrics metrics;

    NotifierPersonalData(Parcels parcels, Notifications notifications, NotifierMetrics metrics) {
        this.parcels = parcels;
        this.notifications = notifications;
        this.metrics = metrics;
    }

    /** In the caller's transaction: the parcel row is locked first, then its notifications, as the dispatcher does. */
    @Override
    @Transactional
    public int erase(String trackingCode, PersonalDataErasureRequested.Reason reason) {
        if (trackingCode == null || !TrackingCode.isValid(trackingCode)) {
            log.warn("erasure ({}) of an invalid tracking code ignored: the notifier keeps nothing under it", reason);
            return 0;
        }
        String code = TrackingCode.parse(trackingCode).value();
        int changed = parcels.erase(code) ? 1 : 0;
        Set<String> rows = new HashSet<>();
        List<String> ids = Arrays.stream(NotificationKind.values()).map(kind -> Notification.idFor(code, kind)).toList();
        for (Notification n : notifications.lockAll(ids)) {
            if (notifications.erasePersonalData(n.id())) {
                rows.add(n.id());
            }
            if (notifications.suppressErased(n.id())) {
                rows.add(n.id());
                metrics.suppressed(n.kind(), Notification.ERASED);
                log.info("{} for {} not sent (was {}): the parcel's personal data was erased", n.kind(), code, n.state());
            }
        }
        changed += rows.size();
        if (changed > 0) {
            log.info("personal data of {} erased ({}): {} rows", code, reason, changed);
        }
        return changed;
    }

    @Override
    public Optional<Instant> oldestHeld() {
        return parcels.oldestHoldingPersonalData();
    }
}
