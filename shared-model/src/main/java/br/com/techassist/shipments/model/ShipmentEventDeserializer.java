package br.com.techassist.shipments.model;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for shipment events. The Java type comes from the {@code ce_type}
 * header; without it, from the topic when the topic carries a single event type. Anything else
 * is a {@link SerializationException} (wrap this class in Spring's {@code ErrorHandlingDeserializer}
 * to send such records to the dead-letter topic).
 */
public class ShipmentEventDeserializer implements Deserializer<ShipmentEvent> {

    @Override
    public ShipmentEvent deserialize(String topic, byte[] data) {
        return deserialize(topic, null, data);
    }

    @Override
    public ShipmentEvent deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        EventType type = typeOf(topic, headers);
        try {
            ShipmentEvent event = EventJson.read(data, type.javaType());
            if (event.eventId() == null || event.trackingCode() == null && type != EventType.SHIPMENT_ALERT) {
                throw new SerializationException(
                        "record on " + topic + " lacks eventId or trackingCode: not a valid " + type.ceType());
            }
            return event;
        } catch (RuntimeException e) {
            if (e instanceof SerializationException se) {
                throw se;
            }
            throw new SerializationException("cannot read " + type.ceType() + " from " + topic + ": " + e.getMessage(), e);
        }
    }

    private static EventType typeOf(String topic, Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(CloudEventHeaders.TYPE);
        if (header != null) {
            if (header.value() == null || header.value().length == 0) {
                throw new SerializationException("record on " + topic + " has an empty ce_type header");
            }
            String ceType = new String(header.value(), StandardCharsets.UTF_8);
            return EventType.fromCeType(ceType)
                    .orElseThrow(() -> new SerializationException("unknown ce_type '" + ceType + "' on " + topic));
        }
        return EventType.soleTypeOf(topic)
                .orElseThrow(() -> new SerializationException(
                        "record on " + topic + " has no ce_type header and the topic carries several event types"));
    }
}
