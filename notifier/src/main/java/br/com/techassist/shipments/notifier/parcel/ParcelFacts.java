package br.com.techassist.shipments.notifier.parcel;

import br.com.techassist.shipments.model.ContactValidated;
import br.com.techassist.shipments.model.ContentItem;
import br.com.techassist.shipments.model.CorreiosEvent;
import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.model.ShipmentStatusChanged;
import br.com.techassist.shipments.model.Unit;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges one event into a parcel. Every merge is idempotent and order-independent: applying the
 * same events in any order, any number of times, gives the same parcel.
 */
final class ParcelFacts {

    private ParcelFacts() {}

    static Parcel apply(Parcel p, ShipmentRegistered e) {
        String name = e.recipient() == null ? null : blankToNull(e.recipient().name());
        return p.withRecipient(name, product(e.contents()));
    }

    /** The newest contact check wins. */
    static Parcel apply(Parcel p, ContactValidated e) {
        Instant at = e.occurredAt().toInstant();
        if (p.contactAt() != null && at.isBefore(p.contactAt())) {
            return p;
        }
        return p.withContact(e.status(), at, blankToNull(e.e164()), blankToNull(e.whatsappId()));
    }

    static Parcel apply(Parcel p, ShipmentStatusChanged e) {
        Milestone m = e.milestone();
        if (m == null || !m.isPostedOrLater()) {
            return p;
        }
        CorreiosEvent ce = e.correiosEvent();
        Instant at = ce != null && ce.occurredAt() != null ? ce.occurredAt().toInstant() : e.occurredAt().toInstant();
        Unit unit = ce == null ? null : ce.unit();
        Parcel out = p;
        if (out.shippedEventAt() == null || at.isBefore(out.shippedEventAt())) {
            out = out.withShippedEventAt(at);
        }
        out = origin(out, m, unit, at);
        if (m.isArrival() && !e.deliveryReversed()) {
            out = arrival(out, m, unit, at);
        }
        return out;
    }

    /** Where it was posted: the POSTED event's unit, else the earliest event's unit seen so far. */
    private static Parcel origin(Parcel p, Milestone m, Unit unit, Instant at) {
        if (unit == null || Places.city(unit.city()) == null || p.originFromPosted()) {
            return p;
        }
        if (m == Milestone.POSTED) {
            return p.withOrigin(Places.city(unit.city()), Places.state(unit.state()), true, at);
        }
        if (p.originEventAt() == null || at.isBefore(p.originEventAt())) {
            return p.withOrigin(Places.city(unit.city()), Places.state(unit.state()), false, at);
        }
        return p;
    }

    /** The first arrival is kept, except that a delivery replaces a wait for pickup (it was collected). */
    private static Parcel arrival(Parcel p, Milestone m, Unit unit, Instant at) {
        boolean first = p.arrivalMilestone() == null;
        boolean collected = p.arrivalMilestone() == Milestone.AWAITING_PICKUP && m == Milestone.DELIVERED
                && (p.arrivalEventAt() == null || !at.isBefore(p.arrivalEventAt()));
        if (!first && !collected) {
            return p;
        }
        String city = unit == null ? null : Places.city(unit.city());
        String state = unit == null ? null : Places.state(unit.state());
        String pickup = m == Milestone.AWAITING_PICKUP ? Places.pickupAddress(unit) : null;
        return p.withArrival(m, city, state, pickup, at);
    }

    /** The product from the declaração de conteúdo: item descriptions, {@code "A, B e C"}. */
    static String product(List<ContentItem> contents) {
        Set<String> names = new LinkedHashSet<>();
        for (ContentItem item : contents) {
            if (item != null && item.description() != null && !item.description().isBlank()) {
                names.add(item.description().strip().replaceAll("\\s+", " "));
            }
        }
        if (names.isEmpty()) {
            return null;
        }
        List<String> list = List.copyOf(names);
        String joined = list.size() == 1
                ? list.getFirst()
                : String.join(", ", list.subList(0, list.size() - 1)) + " e " + list.getLast();
        return joined.length() <= 300 ? joined : joined.substring(0, 297) + "...";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
