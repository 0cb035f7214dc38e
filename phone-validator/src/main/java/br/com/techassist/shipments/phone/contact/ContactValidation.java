package br.com.techassist.shipments.phone.contact;

import br.com.techassist.shipments.model.ContactValidated;
import br.com.techassist.shipments.model.ContactValidated.ContactStatus;
import br.com.techassist.shipments.model.EventIds;
import br.com.techassist.shipments.model.Phone;
import br.com.techassist.shipments.model.Recipient;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.phonenumbers.BrazilianPhoneNumbers;
import br.com.techassist.shipments.phonenumbers.NormalizedPhone;
import br.com.techassist.shipments.phone.whatsapp.WhatsAppDirectory;
import br.com.techassist.shipments.support.audit.AuditTrail;
import br.com.techassist.shipments.support.logging.Masking;
import br.com.techassist.shipments.support.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Validates the recipient phone of each parcel and publishes {@code ContactValidated} through the
 * outbox, in the same transaction as the contact row. A number the cache does not know is left
 * PENDING for {@link PendingChecks}, which asks the provider in paced batches.
 *
 * <p>Event ids are derived from (tracking code, E.164, WhatsApp id, status): a redelivered
 * registration changes nothing and publishes nothing; a correction that changes the outcome
 * publishes a new event.
 */
@Service
class ContactValidation {

    private static final Logger log = LoggerFactory.getLogger(ContactValidation.class);

    private final Contacts contacts;
    private final LookupCache cache;
    private final WhatsAppDirectory directory;
    private final Outbox outbox;
    private final CheckSignal signal;
    private final Clock clock;
    private final MeterRegistry meters;
    private final AuditTrail audit;
    private final Counter newRegistrations;
    private final Counter repeatedRegistrations;

    ContactValidation(Contacts contacts, LookupCache cache, WhatsAppDirectory directory, Outbox outbox,
            CheckSignal signal, Clock clock, MeterRegistry meters, AuditTrail audit) {
        this.contacts = contacts;
        this.cache = cache;
        this.directory = directory;
        this.outbox = outbox;
        this.signal = signal;
        this.clock = clock;
        this.meters = meters;
        this.audit = audit;
        this.newRegistrations = registrations(meters, "new");
        this.repeatedRegistrations = registrations(meters, "duplicate");
    }

    private static Counter registrations(MeterRegistry meters, String outcome) {
        return Counter.builder("phone.registrations").tag("outcome", outcome)
                .description("ShipmentRegistered records consumed: new parcels, or redeliveries ignored")
                .register(meters);
    }

    /**
     * Handles a poll's registrations, in order, once per tracking code: a redelivery (or one after a
     * correction) is ignored. The new contacts are inserted in one JDBC batch, looked up in the cache
     * with one query and settled together ({@link #completeAll}).
     */
    @Transactional
    public void registerAll(List<ShipmentRegistered> registrations) {
        Set<String> known = contacts.existing(registrations.stream().map(ShipmentRegistered::trackingCode).toList());
        List<Contact> fresh = new ArrayList<>(registrations.size());
        for (ShipmentRegistered registered : registrations) {
            String trackingCode = registered.trackingCode();
            if (!known.add(trackingCode)) {
                repeatedRegistrations.increment();
                log.info("{}: registration seen again, its contact is already handled", trackingCode);
                continue;
            }
            newRegistrations.increment();
            NormalizedPhone phone = BrazilianPhoneNumbers.normalize(chooseFrom(registered.recipient()));
            fresh.add(Contact.of(trackingCode, phone, false, 0));
        }
        contacts.insertAll(fresh, clock.instant());
        settle(fresh);
    }

    /** The mobile when one was given, else the landline. */
    static Phone chooseFrom(Recipient recipient) {
        if (recipient == null) {
            return null;
        }
        Phone mobile = recipient.mobile();
        boolean hasMobile = mobile != null && mobile.number() != null && !mobile.number().isBlank();
        return hasMobile ? mobile : recipient.landline();
    }

    /**
     * An operator's correction: the new number is checked afresh (the cache is bypassed) and a new
     * {@code ContactValidated} is published.
     *
     * @throws UnknownContactException when no registration of {@code trackingCode} was seen
     * @throws ErasedContactException when the parcel's personal data was erased (it is not stored again)
     */
    @Transactional
    public void correct(String trackingCode, NormalizedPhone phone) {
        Contact existing = contacts.find(trackingCode).orElseThrow(() -> new UnknownContactException(trackingCode));
        if (existing.isErased()) {
            throw new ErasedContactException(trackingCode);
        }
        Contact corrected = Contact.of(trackingCode, phone, true, existing.revision() + 1);
        contacts.replacePhone(corrected, clock.instant());
        log.info("{}: operator corrected the phone from {} to {}", trackingCode,
                Masking.phone(existing.e164() != null ? existing.e164() : existing.input()), Masking.phone(phone.e164()));
        audit.record("contact.corrected", trackingCode, masked(existing), masked(corrected));
        settle(List.of(corrected));
    }

    /** A contact for the audit trail: the numbers masked. */
    private static Map<String, Object> masked(Contact contact) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", contact.status());
        view.put("input", contact.input() == null ? null : Masking.phone(contact.input()));
        view.put("e164", contact.e164() == null ? null : Masking.phone(contact.e164()));
        view.put("phoneType", contact.phoneType());
        return view;
    }

    @Transactional(readOnly = true)
    public Optional<Contact> find(String trackingCode) {
        return contacts.find(trackingCode);
    }

    /**
     * Settles the contacts that need no provider check now (no phone, junk, a provider that cannot
     * check, a cached answer) with one {@link #completeAll}; the others wait for {@link PendingChecks}.
     */
    private void settle(List<Contact> fresh) {
        Instant now = clock.instant();
        boolean checkable = directory.canCheck();
        Map<String, LookupCache.Lookup> cached = cache.findAll(fresh.stream()
                .filter(c -> checkable && c.verdict() == NormalizedPhone.Verdict.USABLE && !c.freshCheck())
                .map(Contact::e164Digits).toList(), now);
        List<Settlement> settled = new ArrayList<>(fresh.size());
        boolean waiting = false;
        for (Contact contact : fresh) {
            switch (contact.verdict()) {
                case MISSING -> settled.add(new Settlement(contact, ContactStatus.MISSING, null, now));
                case INVALID -> settled.add(new Settlement(contact, ContactStatus.INVALID, null, now));
                case USABLE -> {
                    LookupCache.Lookup lookup = contact.freshCheck() ? null : cached.get(contact.e164Digits());
                    if (!checkable) {
                        settled.add(Settlement.unverified(contact, now));
                    } else if (lookup != null) {
                        settled.add(Settlement.fromCache(contact, lookup));
                    } else {
                        log.info("{}: {} ({}) waits for a WhatsApp check with {}", contact.trackingCode(),
                                Masking.phone(contact.e164()), contact.phoneType(), directory.name());
                        waiting = true;
                    }
                }
            }
        }
        if (!settled.isEmpty()) {
            completeAll(settled);
        }
        if (waiting) {
            signal.afterCommit();
        }
    }

    /**
     * Settles a batch of contacts in one transaction: their rows in one JDBC batch, then their
     * {@code ContactValidated} events in the outbox with one multi-row insert. A contact corrected since it was claimed
     * (its revision moved on) drops only its own answer. When the transaction fails, nothing of it
     * is kept: the contacts stay PENDING under their claim and are taken again when it expires.
     *
     * @return how many contacts were settled (the others had changed meanwhile)
     */
    @Transactional
    public int completeAll(List<Settlement> settlements) {
        Instant now = clock.instant();
        List<ContactValidated> events = settlements.stream().map(s -> eventOf(s, now)).toList();
        List<Contacts.Outcome> outcomes = new ArrayList<>(settlements.size());
        for (int i = 0; i < settlements.size(); i++) {
            Settlement s = settlements.get(i);
            outcomes.add(new Contacts.Outcome(s.contact(), s.status().name(), s.whatsappId(),
                    events.get(i).eventId().toString()));
        }
        boolean[] recorded = contacts.settleAll(outcomes, now);
        List<ContactValidated> toPublish = new ArrayList<>(settlements.size());
        for (int i = 0; i < settlements.size(); i++) {
            Settlement s = settlements.get(i);
            if (!recorded[i]) {
                log.info("{}: contact changed while it was being checked, this answer is dropped",
                        s.contact().trackingCode());
                continue;
            }
            toPublish.add(events.get(i));
            validations(s.status()).increment();
            logSettled(s);
        }
        outbox.enqueueAll(toPublish);
        return toPublish.size();
    }

    private ContactValidated eventOf(Settlement s, Instant now) {
        Contact contact = s.contact();
        return new ContactValidated(
                EventIds.of("ContactValidated", contact.trackingCode(), contact.e164(), s.whatsappId(), s.status()),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                contact.trackingCode(), s.status(), maskedInput(contact.input()), contact.e164(), s.whatsappId(), contact.phoneType(),
                directory.name(), OffsetDateTime.ofInstant(s.checkedAt(), ZoneOffset.UTC));
    }

    /**
     * What the customer typed, as published: masked ({@code (43) 9****-0021}), since no consumer needs it
     * in clear (the notifier sends to {@code whatsappId} and shows {@code e164}).
     */
    private static String maskedInput(String input) {
        return input == null || input.isBlank() ? input : Masking.phone(input);
    }

    private Counter validations(ContactStatus status) {
        return Counter.builder("phone.validations").tag("status", status.name())
                .description("ContactValidated events published, by status").register(meters);
    }

    private void logSettled(Settlement s) {
        Contact contact = s.contact();
        if (contact.verdict() == NormalizedPhone.Verdict.USABLE) {
            log.info("{}: {} {} {} -> WhatsApp id {} ({})", contact.trackingCode(), s.status(), contact.phoneType(),
                    Masking.phone(contact.e164()), Masking.phone(s.whatsappId()), directory.name());
        } else {
            log.info("{}: {} phone '{}'", contact.trackingCode(), s.status(), Masking.phone(contact.input()));
        }
    }

    /**
     * How one contact is to be settled.
     *
     * @param whatsappId the id to send to, null when there is none
     * @param checkedAt when the provider answered (for a cache hit: the original answer)
     */
    record Settlement(Contact contact, ContactStatus status, String whatsappId, Instant checkedAt) {

        /** A valid contact the provider cannot check (Cloud API): UNVERIFIED, to be sent to its E.164 form. */
        static Settlement unverified(Contact contact, Instant now) {
            return new Settlement(contact, ContactStatus.UNVERIFIED, contact.e164Digits(), now);
        }

        /** From a cached provider answer. */
        static Settlement fromCache(Contact contact, LookupCache.Lookup lookup) {
            return fromProvider(contact, lookup.whatsappId(), lookup.checkedAt());
        }

        /** From a fresh provider answer. */
        static Settlement fromProvider(Contact contact, String whatsappId, Instant checkedAt) {
            return new Settlement(contact, Resolution.statusFor(contact.typedId(), whatsappId), whatsappId, checkedAt);
        }
    }

    /** The parcel's personal data was erased: its phone is not taken again. */
    static class ErasedContactException extends RuntimeException {
        ErasedContactException(String trackingCode) {
            super("the personal data of parcel " + trackingCode + " was erased (LGPD); its phone cannot be set again");
        }
    }

    /** No registration of this tracking code was seen. */
    static class UnknownContactException extends RuntimeException {
        UnknownContactException(String trackingCode) {
            super("no parcel " + trackingCode + " is known to phone-validator (was it registered?)");
        }
    }
}
