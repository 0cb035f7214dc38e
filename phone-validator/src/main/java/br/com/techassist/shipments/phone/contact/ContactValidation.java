package br.com.techassist.shipments.phone.contact;

import br.com.techassist.shipments.model.ContactValidated;
import br.com.techassist.shipments.model.ContactValidated.ContactStatus;
import br.com.techassist.shipments.model.EventIds;
import br.com.techassist.shipments.model.Phone;
import br.com.techassist.shipments.model.Recipient;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.phone.number.BrazilianPhoneNumbers;
import br.com.techassist.shipments.phone.number.NormalizedPhone;
import br.com.techassist.shipments.phone.whatsapp.WhatsAppDirectory;
import br.com.techassist.shipments.support.logging.Masking;
import br.com.techassist.shipments.support.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
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
    private final Counter newRegistrations;
    private final Counter repeatedRegistrations;

    ContactValidation(Contacts contacts, LookupCache cache, WhatsAppDirectory directory, Outbox outbox,
            CheckSignal signal, Clock clock, MeterRegistry meters) {
        this.contacts = contacts;
        this.cache = cache;
        this.directory = directory;
        this.outbox = outbox;
        this.signal = signal;
        this.clock = clock;
        this.meters = meters;
        this.newRegistrations = registrations(meters, "new");
        this.repeatedRegistrations = registrations(meters, "duplicate");
    }

    private static Counter registrations(MeterRegistry meters, String outcome) {
        return Counter.builder("phone.registrations").tag("outcome", outcome)
                .description("ShipmentRegistered records consumed: new parcels, or redeliveries ignored")
                .register(meters);
    }

    /** Handles a registration once per tracking code; a redelivery (or one after a correction) is ignored. */
    @Transactional
    public void register(ShipmentRegistered registered) {
        String trackingCode = registered.trackingCode();
        if (contacts.exists(trackingCode)) {
            repeatedRegistrations.increment();
            log.info("{}: registration seen again, its contact is already handled", trackingCode);
            return;
        }
        newRegistrations.increment();
        NormalizedPhone phone = BrazilianPhoneNumbers.normalize(chooseFrom(registered.recipient()));
        Contact contact = Contact.of(trackingCode, phone, false, 0);
        contacts.insert(contact, clock.instant());
        settle(contact);
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
     */
    @Transactional
    public void correct(String trackingCode, NormalizedPhone phone) {
        Contact existing = contacts.find(trackingCode).orElseThrow(() -> new UnknownContactException(trackingCode));
        Contact corrected = Contact.of(trackingCode, phone, true, existing.revision() + 1);
        contacts.replacePhone(corrected, clock.instant());
        log.info("{}: operator corrected the phone from {} to {}", trackingCode,
                Masking.phone(existing.e164() != null ? existing.e164() : existing.input()), Masking.phone(phone.e164()));
        settle(corrected);
    }

    @Transactional(readOnly = true)
    public Optional<Contact> find(String trackingCode) {
        return contacts.find(trackingCode);
    }

    private void settle(Contact contact) {
        Instant now = clock.instant();
        switch (contact.verdict()) {
            case MISSING -> finish(contact, ContactStatus.MISSING, null, now);
            case INVALID -> finish(contact, ContactStatus.INVALID, null, now);
            case USABLE -> {
                if (!directory.canCheck()) {
                    completeUnverified(contact);
                    return;
                }
                Optional<LookupCache.Lookup> cached = contact.freshCheck() ? Optional.empty()
                        : cache.find(contact.e164Digits(), now);
                if (cached.isPresent()) {
                    completeFromCache(contact, cached.get());
                } else {
                    log.info("{}: {} ({}) waits for a WhatsApp check with {}", contact.trackingCode(),
                            Masking.phone(contact.e164()), contact.phoneType(), directory.name());
                    signal.afterCommit();
                }
            }
        }
    }

    /** Settles a valid contact the provider cannot check (Cloud API): UNVERIFIED, to be sent to its E.164 form. */
    @Transactional
    public void completeUnverified(Contact contact) {
        finish(contact, ContactStatus.UNVERIFIED, contact.e164Digits(), clock.instant());
    }

    /** Settles a contact from a cached provider answer. */
    @Transactional
    public void completeFromCache(Contact contact, LookupCache.Lookup lookup) {
        finish(contact, Resolution.statusFor(contact.typedId(), lookup.whatsappId()), lookup.whatsappId(),
                lookup.checkedAt());
    }

    /** Settles a contact from a fresh provider answer, unless it was corrected meanwhile. */
    @Transactional
    public void completeFromProvider(Contact contact, String whatsappId, Instant checkedAt) {
        finish(contact, Resolution.statusFor(contact.typedId(), whatsappId), whatsappId, checkedAt);
    }

    private void finish(Contact contact, ContactStatus status, String whatsappId, Instant checkedAt) {
        String trackingCode = contact.trackingCode();
        var event = new ContactValidated(
                EventIds.of("ContactValidated", trackingCode, contact.e164(), whatsappId, status),
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                trackingCode, status, contact.input(), contact.e164(), whatsappId, contact.phoneType(),
                directory.name(), OffsetDateTime.ofInstant(checkedAt, ZoneOffset.UTC));
        if (!contacts.settle(contact, status.name(), whatsappId, event.eventId().toString(), clock.instant())) {
            log.info("{}: contact changed while it was being checked, this answer is dropped", trackingCode);
            return;
        }
        outbox.enqueue(event);
        Counter.builder("phone.validations").tag("status", status.name())
                .description("ContactValidated events published, by status").register(meters).increment();
        if (contact.verdict() == NormalizedPhone.Verdict.USABLE) {
            log.info("{}: {} {} {} -> WhatsApp id {} ({})", trackingCode, status, contact.phoneType(),
                    Masking.phone(contact.e164()), Masking.phone(whatsappId), directory.name());
        } else {
            log.info("{}: {} phone '{}'", trackingCode, status, Masking.phone(contact.input()));
        }
    }

    /** No registration of this tracking code was seen. */
    static class UnknownContactException extends RuntimeException {
        UnknownContactException(String trackingCode) {
            super("no parcel " + trackingCode + " is known to phone-validator (was it registered?)");
        }
    }
}
