package br.com.techassist.shipments.notifier.parcel;

import br.com.techassist.shipments.model.ContactValidated;
import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.model.ShipmentStatusChanged;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.notifier.notification.NotificationRule;
import br.com.techassist.shipments.support.kafka.EventBatches;
import br.com.techassist.shipments.support.kafka.PoisonRecordException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the parcel table up to date from the three input topics and applies the two-message rule
 * in the same transaction, a poll's records at a time (see {@link EventBatches}): the batch's
 * parcels are locked (created if missing) together, the events applied in record order, each
 * changed parcel saved once. Nothing is sent here: the dispatcher sends what became due.
 */
@Component
class ParcelEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ParcelEventsListener.class);

    private final Parcels parcels;
    private final NotificationRule rule;
    private final EventBatches batches;

    ParcelEventsListener(Parcels parcels, NotificationRule rule, TransactionTemplate transactions) {
        this.parcels = parcels;
        this.rule = rule;
        this.batches = new EventBatches(transactions);
    }

    @KafkaListener(topics = {Topics.REGISTERED, Topics.CONTACTS, Topics.STATUS}, groupId = "${notifier.consumer-group:notifier}",
            batch = "true")
    void on(List<ConsumerRecord<String, ShipmentEvent>> records) {
        batches.process(records, ParcelEventsListener::validate, this::applyAll);
    }

    /** What one valid event does to its parcel. */
    private record Fact(String code, String event, UnaryOperator<Parcel> change) {}

    private static Fact validate(ConsumerRecord<String, ShipmentEvent> record) {
        ShipmentEvent event = record.value();
        String code = validCode(event);
        UnaryOperator<Parcel> change = switch (event) {
            case ShipmentRegistered e -> p -> ParcelFacts.apply(p, e);
            case ContactValidated e -> {
                if (e.status() == null) {
                    throw new PoisonRecordException("ContactValidated " + e.eventId() + " has no status");
                }
                yield p -> ParcelFacts.apply(p, e);
            }
            case ShipmentStatusChanged e -> {
                if (e.milestone() == null) {
                    throw new PoisonRecordException("ShipmentStatusChanged " + e.eventId() + " has no milestone");
                }
                yield p -> ParcelFacts.apply(p, e);
            }
            default -> throw new PoisonRecordException("unexpected " + event.getClass().getSimpleName() + " on an input topic");
        };
        return new Fact(code, event.getClass().getSimpleName(), change);
    }

    /**
     * Applies the facts in order. The rule runs on every state a parcel goes through (and once on an
     * unchanged parcel), as it did when each event had its own transaction: running it twice on the
     * same state changes nothing.
     */
    private void applyAll(List<Fact> facts) {
        Map<String, Parcel> locked = parcels.lockOrCreateAll(facts.stream().map(Fact::code).toList());
        Map<String, Parcel> current = new HashMap<>(locked);
        Set<String> ruled = new HashSet<>();
        for (Fact fact : facts) {
            Parcel before = current.get(fact.code());
            Parcel after = fact.change().apply(before);
            boolean changed = !after.equals(before);
            if (changed) {
                current.put(fact.code(), after);
                log.debug("parcel {} updated by {}", fact.code(), fact.event());
            }
            boolean firstOfItsParcel = ruled.add(fact.code());
            if (changed || firstOfItsParcel) {
                rule.apply(after);
            }
            if (changed && before.contactKnown() && after.contactKnown() && !Objects.equals(before.sendTo(), after.sendTo())) {
                rule.reopenForNewContact(after);
            }
        }
        current.forEach((code, parcel) -> {
            if (!parcel.equals(locked.get(code))) {
                parcels.save(parcel);
            }
        });
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
