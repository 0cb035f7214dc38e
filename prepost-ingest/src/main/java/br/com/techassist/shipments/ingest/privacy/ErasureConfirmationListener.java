package br.com.techassist.shipments.ingest.privacy;

import br.com.techassist.shipments.model.PersonalDataErased;
import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.support.kafka.EventBatches;
import br.com.techassist.shipments.support.kafka.PoisonRecordException;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumes the {@link PersonalDataErased} confirmations on {@code shipments.privacy.v1} (own consumer
 * group, apart from the erasure itself) into {@code erasure_confirmation}, a poll's records in one
 * transaction ({@link EventBatches}); the erasure requests on the same topic are not for this listener.
 * A confirmation without a valid tracking code, request id or service is dead-lettered.
 */
@Component
class ErasureConfirmationListener {

    static final String GROUP = "prepost-ingest-erasure-confirmations";

    private final ErasureConfirmations confirmations;
    private final EventBatches batches;

    ErasureConfirmationListener(ErasureConfirmations confirmations, TransactionTemplate transactions) {
        this.confirmations = confirmations;
        this.batches = new EventBatches(transactions);
    }

    @KafkaListener(topics = Topics.PRIVACY, groupId = GROUP, batch = "true")
    void on(List<ConsumerRecord<String, ShipmentEvent>> records) {
        batches.process(records, ErasureConfirmationListener::validate,
                items -> confirmations.store(items.stream().flatMap(Optional::stream).toList()));
    }

    private static Optional<PersonalDataErased> validate(ConsumerRecord<String, ShipmentEvent> record) {
        if (!(record.value() instanceof PersonalDataErased erased)) {
            return Optional.empty();
        }
        if (!TrackingCode.isValid(erased.trackingCode())) {
            throw new PoisonRecordException("PersonalDataErased " + erased.eventId() + " has an invalid tracking code '"
                    + erased.trackingCode() + "'");
        }
        if (erased.requestId() == null || erased.requestId().isBlank() || erased.service() == null
                || erased.service().isBlank() || erased.service().length() > 64 || erased.rows() < 0) {
            throw new PoisonRecordException("PersonalDataErased " + erased.eventId()
                    + " lacks a request id or a service (at most 64 characters), or has negative rows");
        }
        return Optional.of(erased);
    }
}
