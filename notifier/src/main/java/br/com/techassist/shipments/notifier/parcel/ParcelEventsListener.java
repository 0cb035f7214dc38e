package br.com.techassist.shipments.notifier.parcel;

import br.com.techassist.shipments.model.ContactValidated;
import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.model.ShipmentStatusChanged;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.notifier.notification.NotificationRule;
import br.com.techassist.shipments.support.kafka.PoisonRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the parcel table up to date from the three input topics and applies the two-message rule
 * in the same transaction. Nothing is sent here: the dispatcher sends what became due.
 */
@Component
class ParcelEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ParcelEventsListener.class);

    private final Parcels parcels;
    private final NotificationRule rule;

    ParcelEventsListener(Parcels parcels, NotificationRule rule) {
        this.parcels = parcels;
        this.rule = rule;
    }

    @KafkaListener(topics = {Topics.REGISTERED, Topics.CONTACTS, Topics.STATUS}, groupId = "${notifier.consumer-group:notifier}")
    @Transactional
    public void on(ShipmentEvent event) {
        String code = validCode(event);
        Parcel before = parcels.lockOrCreate(code);
        Parcel after = switch (event) {
            case ShipmentRegistered e -> ParcelFacts.apply(before, e);
            case ContactValidated e -> {
                if (e.status() == null) {
                    throw new PoisonRecordException("ContactValidated " + e.eventId() + " has no status");
                }
                yield ParcelFacts.apply(before, e);
            }
            case ShipmentStatusChanged e -> {
                if (e.milestone() == null) {
                    throw new PoisonRecordException("ShipmentStatusChanged " + e.eventId() + " has no milestone");
                }
                yield ParcelFacts.apply(before, e);
            }
            default -> throw new PoisonRecordException("unexpected " + event.getClass().getSimpleName() + " on an input topic");
        };
        if (!after.equals(before)) {
            parcels.save(after);
            log.debug("parcel {} updated by {}", code, event.getClass().getSimpleName());
        }
        rule.apply(after);
    }

    private static String validCode(ShipmentEvent event) {
        if (event.trackingCode() == null || !TrackingCode.isValid(event.trackingCode())) {
            throw new PoisonRecordException("invalid tracking code '" + event.trackingCode() + "' in "
                    + event.getClass().getSimpleName() + " " + event.eventId());
        }
        if (event.occurredAt() == null) {
            throw new PoisonRecordException(event.getClass().getSimpleName() + " " + event.eventId() + " has no occurredAt");
        }
        return TrackingCode.parse(event.trackingCode()).value();
    }
}
