package br.com.techassist.shipments.model;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka value serializer for shipment events: JSON body plus CloudEvents {@code ce_*} headers.
 * Configure {@value #SOURCE_CONFIG} (e.g. {@code /prepost-ingest}) to name the producer.
 */
public class ShipmentEventSerializer implements Serializer<ShipmentEvent> {

    public static final String SOURCE_CONFIG = "shipments.ce.source";

    private String source = "/shipments";

    public ShipmentEventSerializer() {}

    public ShipmentEventSerializer(String source) {
        this.source = source;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object configured = configs.get(SOURCE_CONFIG);
        if (configured != null) {
            source = configured.toString();
        }
    }

    @Override
    public byte[] serialize(String topic, ShipmentEvent data) {
        return data == null ? null : EventJson.write(data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, ShipmentEvent data) {
        if (data == null) {
            return null;
        }
        if (data.eventId() == null || data.occurredAt() == null) {
            throw new SerializationException(data.getClass().getSimpleName() + " for " + topic
                    + " lacks eventId or occurredAt, which every event must carry");
        }
        set(headers, CloudEventHeaders.ID, data.eventId().toString());
        set(headers, CloudEventHeaders.TYPE, EventType.of(data).ceType());
        set(headers, CloudEventHeaders.SOURCE, source);
        // RFC 3339 needs the seconds, which OffsetDateTime.toString() drops when they are zero
        set(headers, CloudEventHeaders.TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(data.occurredAt()));
        set(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        set(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        if (data.trackingCode() != null) {
            set(headers, CloudEventHeaders.SUBJECT, data.trackingCode());
        }
        return serialize(topic, data);
    }

    private static void set(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
