package br.com.techassist.shipments.model;

/** Kafka topic names (contract). The record key of every topic is the tracking code. */
public final class Topics {
    public static final String REGISTERED = "shipments.registered.v1";
    public static final String CONTACTS = "shipments.contacts.v1";
    public static final String STATUS = "shipments.status.v1";
    public static final String NOTIFICATIONS = "shipments.notifications.v1";
    public static final String ALERTS = "shipments.alerts.v1";
    /** LGPD erasure requests and confirmations, per tracking code. */
    public static final String PRIVACY = "shipments.privacy.v1";
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    /** Every event topic above (without the dead-letter topics). */
    public static final java.util.List<String> ALL = java.util.List.of(REGISTERED, CONTACTS, STATUS, NOTIFICATIONS, ALERTS, PRIVACY);

    private Topics() {}

    /** The dead-letter topic of {@code topic}. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
