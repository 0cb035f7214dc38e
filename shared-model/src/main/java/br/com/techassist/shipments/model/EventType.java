package br.com.techassist.shipments.model;

import java.util.Arrays;
import java.util.Optional;

/** The CloudEvents {@code ce_type} of each event and the topic it is published on (contract). */
public enum EventType {
    SHIPMENT_REGISTERED(ShipmentRegistered.class, Topics.REGISTERED),
    CONTACT_VALIDATED(ContactValidated.class, Topics.CONTACTS),
    SHIPMENT_STATUS_CHANGED(ShipmentStatusChanged.class, Topics.STATUS),
    NOTIFICATION_SENT(NotificationSent.class, Topics.NOTIFICATIONS),
    NOTIFICATION_FAILED(NotificationFailed.class, Topics.NOTIFICATIONS),
    NOTIFICATION_STATUS_UPDATED(NotificationStatusUpdated.class, Topics.NOTIFICATIONS),
    SHIPMENT_ALERT(ShipmentAlert.class, Topics.ALERTS),
    PERSONAL_DATA_ERASURE_REQUESTED(PersonalDataErasureRequested.class, Topics.PRIVACY),
    PERSONAL_DATA_ERASED(PersonalDataErased.class, Topics.PRIVACY);

    private static final String PREFIX = "br.com.techassist.shipments.";
    private static final String VERSION = ".v1";

    private final Class<? extends ShipmentEvent> javaType;
    private final String topic;

    EventType(Class<? extends ShipmentEvent> javaType, String topic) {
        this.javaType = javaType;
        this.topic = topic;
    }

    public Class<? extends ShipmentEvent> javaType() {
        return javaType;
    }

    /** The topic this event is published on. */
    public String topic() {
        return topic;
    }

    /** The CloudEvents type, e.g. {@code br.com.techassist.shipments.ShipmentRegistered.v1}. */
    public String ceType() {
        return PREFIX + javaType.getSimpleName() + VERSION;
    }

    public static EventType of(ShipmentEvent event) {
        return of(event.getClass());
    }

    public static EventType of(Class<?> type) {
        return Arrays.stream(values())
                .filter(t -> t.javaType == type)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a shipment event: " + type));
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType().equals(ceType)).findFirst();
    }

    /** The only event type of {@code topic}, when the topic carries one type. */
    public static Optional<EventType> soleTypeOf(String topic) {
        var matching = Arrays.stream(values()).filter(t -> t.topic.equals(topic)).toList();
        return matching.size() == 1 ? Optional.of(matching.getFirst()) : Optional.empty();
    }
}
