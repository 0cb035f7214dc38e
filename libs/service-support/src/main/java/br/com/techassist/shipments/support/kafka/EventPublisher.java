package br.com.techassist.shipments.support.kafka;

import br.com.techassist.shipments.model.EventType;
import br.com.techassist.shipments.model.ShipmentEvent;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes shipment events on their contract topic, keyed by tracking code (alerts without a
 * parcel are keyed by their type). Use it directly when an event may be published at least once
 * with a deterministic id; use the {@code Outbox} when it must follow a database change.
 */
public class EventPublisher {

    private final KafkaTemplate<String, ShipmentEvent> template;

    public EventPublisher(KafkaTemplate<String, ShipmentEvent> template) {
        this.template = template;
    }

    public CompletableFuture<SendResult<String, ShipmentEvent>> publish(ShipmentEvent event) {
        return template.send(EventType.of(event).topic(), keyOf(event), event);
    }

    /** The record key of an event: its tracking code. */
    public static String keyOf(ShipmentEvent event) {
        return event.trackingCode() != null ? event.trackingCode() : EventType.of(event).name();
    }
}
