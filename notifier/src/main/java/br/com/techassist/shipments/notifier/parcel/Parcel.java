package br.com.techassist.shipments.notifier.parcel;

import br.com.techassist.shipments.model.ContactValidated.ContactStatus;
import br.com.techassist.shipments.model.Milestone;
import java.time.Instant;

/**
 * What the notifier knows of one parcel, merged from {@code ShipmentRegistered},
 * {@code ContactValidated} and {@code ShipmentStatusChanged} in whatever order they came. Any field
 * but the tracking code may be null.
 *
 * @param originFromPosted true when the origin comes from the POSTED event itself (it then never changes)
 * @param shippedEventAt time of the earliest Correios event from POSTED onwards (SHIPPED is due)
 * @param arrivalMilestone DELIVERED or AWAITING_PICKUP once seen (ARRIVED is due)
 * @param erasedAt when the parcel's personal data (name, product, numbers) was erased (LGPD); from
 *     then on the parcel never takes personal data again and no message becomes due
 */
public record Parcel(
        String trackingCode,
        String recipientName,
        String product,
        ContactStatus contactStatus,
        Instant contactAt,
        String e164,
        String whatsappId,
        String originCity,
        String originState,
        boolean originFromPosted,
        Instant originEventAt,
        Instant shippedEventAt,
        Milestone arrivalMilestone,
        String arrivalCity,
        String arrivalState,
        String pickupAddress,
        Instant arrivalEventAt,
        Instant erasedAt) {

    static Parcel empty(String trackingCode) {
        return new Parcel(trackingCode, null, null, null, null, null, null, null, null, false, null, null, null, null,
                null, null, null, null);
    }

    /** True once a ContactValidated was seen. */
    public boolean contactKnown() {
        return contactStatus != null;
    }

    /** True once the parcel's personal data was erased. */
    public boolean erased() {
        return erasedAt != null;
    }

    /** The digits messages go to: the WhatsApp id when known, else the E.164 number. */
    public String sendTo() {
        String raw = whatsappId != null && !whatsappId.isBlank() ? whatsappId : e164;
        return raw == null ? null : raw.replaceAll("\\D", "");
    }

    /** The recipient's name and the product; an erased parcel keeps neither. */
    Parcel withRecipient(String name, String product) {
        if (erased()) {
            return this;
        }
        return new Parcel(trackingCode, name, product, contactStatus, contactAt, e164, whatsappId, originCity,
                originState, originFromPosted, originEventAt, shippedEventAt, arrivalMilestone, arrivalCity,
                arrivalState, pickupAddress, arrivalEventAt, erasedAt);
    }

    /** The contact check; an erased parcel keeps its status and time, never the numbers. */
    Parcel withContact(ContactStatus status, Instant at, String e164, String whatsappId) {
        boolean keep = !erased();
        return new Parcel(trackingCode, recipientName, product, status, at, keep ? e164 : null, keep ? whatsappId : null,
                originCity, originState, originFromPosted, originEventAt, shippedEventAt, arrivalMilestone, arrivalCity,
                arrivalState, pickupAddress, arrivalEventAt, erasedAt);
    }

    Parcel withOrigin(String city, String state, boolean fromPosted, Instant at) {
        return new Parcel(trackingCode, recipientName, product, contactStatus, contactAt, e164, whatsappId, city, state,
                fromPosted, at, shippedEventAt, arrivalMilestone, arrivalCity, arrivalState, pickupAddress,
                arrivalEventAt, erasedAt);
    }

    Parcel withShippedEventAt(Instant at) {
        return new Parcel(trackingCode, recipientName, product, contactStatus, contactAt, e164, whatsappId, originCity,
                originState, originFromPosted, originEventAt, at, arrivalMilestone, arrivalCity, arrivalState,
                pickupAddress, arrivalEventAt, erasedAt);
    }

    Parcel withArrival(Milestone milestone, String city, String state, String pickupAddress, Instant at) {
        return new Parcel(trackingCode, recipientName, product, contactStatus, contactAt, e164, whatsappId, originCity,
                originState, originFromPosted, originEventAt, shippedEventAt, milestone, city, state, pickupAddress, at,
                erasedAt);
    }
}
