package br.com.techassist.shipments.phone.contact;

import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.support.kafka.PoisonRecordException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@code shipments.registered.v1}: every new parcel gets its recipient phone validated. */
@Component
class RegistrationListener {

    private final ContactValidation validation;

    RegistrationListener(ContactValidation validation) {
        this.validation = validation;
    }

    @KafkaListener(topics = Topics.REGISTERED, groupId = "phone-validator")
    void on(ShipmentEvent event) {
        if (!(event instanceof ShipmentRegistered registered)) {
            throw new PoisonRecordException("expected ShipmentRegistered on " + Topics.REGISTERED + ", got "
                    + event.getClass().getSimpleName());
        }
        if (!TrackingCode.isValid(registered.trackingCode())) {
            throw new PoisonRecordException("ShipmentRegistered " + registered.eventId() + " has an invalid tracking code '"
                    + registered.trackingCode() + "'");
        }
        validation.register(registered);
    }
}
