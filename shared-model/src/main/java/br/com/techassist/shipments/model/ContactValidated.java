package br.com.techassist.shipments.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The outcome of checking a parcel's recipient phone, published by phone-validator on
 * {@value Topics#CONTACTS}. {@code whatsappId} is the id WhatsApp knows (with or without the ninth
 * digit) and is what messages must be sent to; {@code e164} is the customer-facing number.
 *
 * @param input the phone as the customer gave it, masked by phone-validator (e.g. {@code (68) *****-0001}):
 *     personal data even so
 * @param e164 the number in E.164: personal data
 * @param whatsappId the WhatsApp id to send to: personal data
 */
public record ContactValidated(
        UUID eventId,
        OffsetDateTime occurredAt,
        String trackingCode,
        ContactStatus status,
        String input,
        String e164,
        String whatsappId,
        PhoneType phoneType,
        String provider,
        OffsetDateTime checkedAt)
        implements ShipmentEvent {

    /** Result of the check. */
    public enum ContactStatus {
        /** WhatsApp knows the number exactly as the customer gave it. */
        VALID,
        /** WhatsApp knows the number under another id (the ninth digit added or removed). */
        CORRECTED,
        /** A valid number with no WhatsApp account. */
        NO_WHATSAPP,
        /** Not a valid Brazilian number. */
        INVALID,
        /** No phone was given. */
        MISSING,
        /** Valid, but the provider cannot tell whether WhatsApp knows it (Cloud API). */
        UNVERIFIED;

        /** True when a message may be attempted to this contact. */
        public boolean isReachable() {
            return this == VALID || this == CORRECTED || this == UNVERIFIED;
        }
    }

    /** Kind of line the number belongs to. */
    public enum PhoneType {
        MOBILE,
        LANDLINE,
        UNKNOWN
    }
}
