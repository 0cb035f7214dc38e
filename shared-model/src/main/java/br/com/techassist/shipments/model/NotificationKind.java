package br.com.techassist.shipments.model;

/** The two messages a customer may get per parcel (contract). */
public enum NotificationKind {
    SHIPPED,
    ARRIVED
}
