package br.com.techassist.shipments.support.privacy;

import br.com.techassist.shipments.model.PersonalDataErased;
import br.com.techassist.shipments.model.PersonalDataErasureRequested;
import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.support.kafka.EventBatches;
import br.com.techassist.shipments.support.kafka.PoisonRecordException;
import br.com.techassist.shipments.support.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Consumes {@code shipments.privacy.v1} in consumer group {@code <service>-privacy}: for each
 * {@link PersonalDataErasureRequested}, the service's {@link PersonalDataHolder} erases the parcel's
 * personal data and its {@link PersonalDataErased} confirmation is stored in the outbox, in the same
 * database transaction (a poll's requests together, see {@link EventBatches}). The confirmations on
 * the same topic are skipped. A redelivered request changes nothing: the holder's erase is
 * idempotent and the confirmation's id is derived from service, request and parcel, so consumers
 * see one confirmation however often it is published. Counted in
 * {@code shipments_personal_data_erasures_total{reason}}; logged with code, request, reason and
 * rows only.
 */
class PersonalDataErasureListener {

    static final String ID = "shipments-privacy-erasure";

    private static final Logger log = LoggerFactory.getLogger(PersonalDataErasureListener.class);

    private final PersonalDataHolder holder;
    private final Outbox outbox;
    private final EventBatches batches;
    private final String service;
    private final Clock clock;
    private final MeterRegistry meters;

    PersonalDataErasureListener(PersonalDataHolder holder, Outbox outbox, TransactionOperations transactions,
            String service, Clock clock, MeterRegistry meters) {
        this.holder = holder;
        this.outbox = outbox;
        this.batches = new EventBatches(transactions);
        this.service = service;
        this.clock = clock;
        this.meters = meters;
        for (PersonalDataErasureRequested.Reason reason : PersonalDataErasureRequested.Reason.values()) {
            erasures(reason); // at zero from the start
        }
    }

    @KafkaListener(id = ID, topics = Topics.PRIVACY, groupId = "${spring.application.name}-privacy", batch = "true")
    void on(List<ConsumerRecord<String, ShipmentEvent>> records) {
        batches.process(records, PersonalDataErasureListener::validate, this::eraseAll);
    }

    /** The request a record carries; empty for the confirmations that share the topic. */
    private static Optional<PersonalDataErasureRequested> validate(ConsumerRecord<String, ShipmentEvent> record) {
        return switch (record.value()) {
            case PersonalDataErased confirmation -> Optional.empty();
            case PersonalDataErasureRequested request -> {
                if (!TrackingCode.isValid(request.trackingCode())) {
                    throw new PoisonRecordException("PersonalDataErasureRequested " + request.eventId()
                            + " has an invalid tracking code '" + request.trackingCode() + "'");
                }
                if (request.requestId() == null || request.requestId().isBlank() || request.reason() == null) {
                    throw new PoisonRecordException("PersonalDataErasureRequested " + request.eventId()
                            + " has no request id or no reason");
                }
                yield Optional.of(request);
            }
            default -> throw new PoisonRecordException("expected PersonalDataErasureRequested or PersonalDataErased on "
                    + Topics.PRIVACY + ", got " + record.value().getClass().getSimpleName());
        };
    }

    /** Erases and confirms each request, in the caller's transaction. */
    private void eraseAll(List<Optional<PersonalDataErasureRequested>> items) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Erasure> erasures = new ArrayList<>();
        for (var item : items) {
            item.ifPresent(request -> {
                int rows = holder.erase(request.trackingCode(), request.reason());
                erasures.add(new Erasure(request, new PersonalDataErased(
                        PersonalDataErased.idFor(service, request.requestId(), request.trackingCode()), now,
                        request.trackingCode(), request.requestId(), service, rows)));
            });
        }
        if (erasures.isEmpty()) {
            return;
        }
        outbox.enqueueAll(erasures.stream().map(Erasure::confirmation).toList());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                erasures.forEach(PersonalDataErasureListener.this::report);
            }
        });
    }

    private void report(Erasure erasure) {
        PersonalDataErasureRequested request = erasure.request();
        erasures(request.reason()).increment();
        log.info("personal data of {} erased (request {}, reason {}): {} rows", request.trackingCode(),
                request.requestId(), request.reason(), erasure.confirmation().rows());
    }

    private Counter erasures(PersonalDataErasureRequested.Reason reason) {
        return meters.counter("shipments_personal_data_erasures", "reason", reason.name());
    }

    private record Erasure(PersonalDataErasureRequested request, PersonalDataErased confirmation) {}
}
