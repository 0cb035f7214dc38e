package br.com.techassist.shipments.tracking.poller;

import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.support.kafka.PoisonRecordException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

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

    RegistrationListener(TrackedObjects objects, PartitionOwnership ownership, TrackingMetrics metrics, Clock clock) {
        this.objects = objects;
        this.ownership = ownership;
        this.metrics = metrics;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.REGISTERED, groupId = "tracking-poller")
    void on(@Payload ShipmentEvent event, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition) {
        if (!(event instanceof ShipmentRegistered registered)) {
            throw new PoisonRecordException("not a ShipmentRegistered on " + Topics.REGISTERED + ": " + event);
        }
        if (!TrackingCode.isValid(registered.trackingCode())) {
            throw new PoisonRecordException("invalid tracking code '" + registered.trackingCode() + "'");
        }
        String code = TrackingCode.parse(registered.trackingCode()).value();
        Instant now = clock.instant();
        Instant registeredAt = registered.occurredAt() != null ? registered.occurredAt().toInstant() : now;
        if (objects.insert(TrackedObject.registered(code, partition, registeredAt, now))) {
            metrics.registered();
            log.info("{}: now tracked (partition {}), first poll due now", code, partition);
        } else {
            log.debug("{}: already tracked, registration ignored", code);
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
