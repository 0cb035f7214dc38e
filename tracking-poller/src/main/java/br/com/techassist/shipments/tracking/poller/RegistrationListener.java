package br.com.techassist.shipments.tracking.poller;

import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.support.kafka.EventBatches;
import br.com.techassist.shipments.support.kafka.PoisonRecordException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumes {@code shipments.registered.v1} into {@code tracked_object} (a repeated registration
 * changes nothing) and keeps {@link PartitionOwnership} in step with the partitions the consumer
 * group assigns to this instance.
 */
@Component
class RegistrationListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(RegistrationListener.class);

    private final TrackedObjects objects;
    private final PartitionOwnership ownership;
    private final TrackingMetrics metrics;
    private final Clock clock;
    private final EventBatches batches;

    RegistrationListener(TrackedObjects objects, PartitionOwnership ownership, TrackingMetrics metrics, Clock clock,
            TransactionTemplate transactions) {
        this.objects = objects;
        this.ownership = ownership;
        this.metrics = metrics;
        this.clock = clock;
        this.batches = new EventBatches(transactions);
    }

    /** A poll's registrations, stored with one statement in one transaction (see {@link EventBatches}). */
    @KafkaListener(topics = Topics.REGISTERED, groupId = "tracking-poller", batch = "true")
    void on(List<ConsumerRecord<String, ShipmentEvent>> records) {
        batches.process(records, this::validate, this::track);
    }

    private TrackedObject validate(ConsumerRecord<String, ShipmentEvent> record) {
        if (!(record.value() instanceof ShipmentRegistered registered)) {
            throw new PoisonRecordException("not a ShipmentRegistered on " + Topics.REGISTERED + ": " + record.value());
        }
        if (!TrackingCode.isValid(registered.trackingCode())) {
            throw new PoisonRecordException("invalid tracking code '" + registered.trackingCode() + "'");
        }
        String code = TrackingCode.parse(registered.trackingCode()).value();
        Instant now = clock.instant();
        Instant registeredAt = registered.occurredAt() != null ? registered.occurredAt().toInstant() : now;
        return TrackedObject.registered(code, record.partition(), registeredAt, now);
    }

    private void track(List<TrackedObject> registrations) {
        Set<String> fresh = new HashSet<>();
        objects.insertAll(registrations).forEach(o -> fresh.add(o.trackingCode()));
        for (TrackedObject o : registrations) {
            if (fresh.remove(o.trackingCode())) {
                metrics.registered();
                log.info("{}: now tracked (partition {}), first poll due now", o.trackingCode(), o.partition());
            } else {
                log.debug("{}: already tracked, registration ignored", o.trackingCode());
            }
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        ownership.assigned(assignments.keySet().stream().map(TopicPartition::partition).toList());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        ownership.revoked(partitions.stream().map(TopicPartition::partition).toList());
    }
}
