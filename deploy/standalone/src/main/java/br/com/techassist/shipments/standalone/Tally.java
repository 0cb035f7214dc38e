package br.com.techassist.shipments.standalone;

import br.com.techassist.shipments.model.ContactValidated;
import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.NotificationSent;
import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.model.ShipmentStatusChanged;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * How far the parcels got, counted from the events on the topics (each parcel once, whatever
 * redeliveries): the console's summary line.
 */
final class Tally {

    private final Set<String> registered = new HashSet<>();
    private final Map<String, ContactValidated.ContactStatus> contacts = new HashMap<>();
    private final Set<String> posted = new HashSet<>();
    private final Set<String> delivered = new HashSet<>();
    private final Set<String> sent = new HashSet<>();
    private final Set<UUID> alerts = new HashSet<>();
    private int shipped;
    private int arrived;

    /** Counts {@code event}; true when it is an alert seen for the first time. */
    boolean add(ShipmentEvent event) {
        switch (event) {
            case ShipmentRegistered r -> registered.add(r.trackingCode());
            case ContactValidated c -> contacts.put(c.trackingCode(), c.status());
            case ShipmentStatusChanged s -> {
                if (s.milestone() != Milestone.PRE_POSTED) {
                    posted.add(s.trackingCode());
                }
                if (s.milestone() == Milestone.DELIVERED) {
                    delivered.add(s.trackingCode());
                }
            }
            case NotificationSent n -> {
                if (sent.add(n.trackingCode() + "/" + n.kind())) {
                    switch (n.kind()) {
                        case SHIPPED -> shipped++;
                        case ARRIVED -> arrived++;
                    }
                }
            }
            case ShipmentAlert a -> {
                return alerts.add(a.eventId());
            }
            default -> { }
        }
        return false;
    }

    /** {@code registered 30 · contacts 28 (2 no WhatsApp) · posted 24 · delivered 11 · SHIPPED 22 · ARRIVED 10 · alerts 3} */
    String line() {
        long noWhatsapp = contacts.values().stream().filter(s -> s == ContactValidated.ContactStatus.NO_WHATSAPP).count();
        return "registered " + registered.size() + " · contacts " + contacts.size() + " (" + noWhatsapp + " no WhatsApp)"
                + " · posted " + posted.size() + " · delivered " + delivered.size() + " · SHIPPED " + shipped
                + " · ARRIVED " + arrived + " · alerts " + alerts.size();
    }
}
