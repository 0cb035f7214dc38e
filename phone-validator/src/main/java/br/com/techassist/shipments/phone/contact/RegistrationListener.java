package br.com.techassist.shipments.phone.contact;

import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.support.kafka.EventBatches;
import br.com.techassist.shipments.support.kafka.PoisonRecordException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumes {@code shipments.registered.v1}: every new parcel gets its recipient phone validated, a
 * poll's registrations in one transaction (see {@link EventBatches}).
 */
@Component
class RegistrationListener {

    private final ContactValidation validation;
    private final EventBatches batches;

    RegistrationListener(ContactValidation validation, TransactionTemplate transactions) {
        this.validation = validation;
        this.batches = new EventBatches(transactions);
    }

    @KafkaListener(topics = Topics.REGISTERED, groupId = "phone-validator", batch = "true")
    void on(List<ConsumerRecord<String, ShipmentEvent>> records) {
        batches.process(records, RegistrationListener::validate, validation::registerAll);
    }

    private static ShipmentRegistered validate(ConsumerRecord<String, ShipmentEvent> record) {
        if (!(record.value() instanceof ShipmentRegistered registered)) {
            throw new PoisonRecordException("expected ShipmentRegistered on " + Topics.REGISTERED + ", got "
                    + record.value().getClass().getSimpleName());
        }
        if (!TrackingCode.isValid(registered.trackingCode())) {
            throw new PoisonRecordException("ShipmentRegistered " + registered.eventId() + " has an invalid tracking code '"
                    + registered.trackingCode() + "'");
        }
        return registered;
    }
}
