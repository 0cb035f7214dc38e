package br.com.techassist.shipments.ingest.web;

import br.com.techassist.shipments.correios.CorreiosJson;
import br.com.techassist.shipments.ingest.registration.MaskedRegistration;
import br.com.techassist.shipments.ingest.registration.Registrations;
import br.com.techassist.shipments.model.ContactValidated.PhoneType;
import br.com.techassist.shipments.model.ContentItem;
import br.com.techassist.shipments.model.Phone;
import br.com.techassist.shipments.model.Recipient;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.phonenumbers.BrazilianPhoneNumbers;
import br.com.techassist.shipments.phonenumbers.NormalizedPhone;
import br.com.techassist.shipments.support.audit.AuditTrail;
import br.com.techassist.shipments.support.logging.Masking;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Turns a validated manual registration into a registration like a pre-posting's, with source MANUAL. */
@Component
class ManualRegistrations {

    private static final Logger log = LoggerFactory.getLogger(ManualRegistrations.class);

    private final Registrations registrations;
    private final AuditTrail audit;
    private final Clock clock;

    ManualRegistrations(Registrations registrations, AuditTrail audit, Clock clock) {
        this.registrations = registrations;
        this.audit = audit;
        this.clock = clock;
    }

    /** The event a request that passed Bean Validation describes; the phone is kept as typed (no 9 added). */
    ShipmentRegistered event(ManualRegistrationRequest request) {
        String code = TrackingCode.parse(request.trackingCode()).value();
        var r = request.recipient();
        NormalizedPhone phone = BrazilianPhoneNumbers.normalize(r.phone());
        String typed = phone.typedId(); // 55 + DDD + the local number as typed
        Phone number = new Phone(typed.substring(2, 4), typed.substring(4));
        boolean mobile = phone.type() == PhoneType.MOBILE;
        Recipient recipient = new Recipient(r.name().strip(), mobile ? number : null, mobile ? null : number,
                blankToNull(r.email()), null);
        return new ShipmentRegistered(ShipmentRegistered.idFor(code),
                OffsetDateTime.now(clock.withZone(CorreiosJson.CORREIOS_ZONE)), code,
                ShipmentRegistered.Source.MANUAL, null, null, null, recipient,
                request.contents().stream().map(i -> new ContentItem(i.description().strip(), i.quantity(), i.value()))
                        .toList(),
                blankToNull(request.invoiceNumber()), blankToNull(request.notes()));
    }

    /**
     * Registers {@code event} and, in the same transaction, audits it: {@code shipment.registered} when it is new,
     * {@code shipment.registration-refused} when the code is registered with other data (the attempt, masked) or
     * its personal data was erased (without the attempt's data: the person asked for it to be gone).
     */
    @Transactional
    Registrations.Result register(ShipmentRegistered event) {
        Registrations.Result result = registrations.register(event);
        switch (result) {
            case NEW -> audit.record("shipment.registered", event.trackingCode(), null, MaskedRegistration.of(event));
            case REGISTERED_DIFFERENTLY -> audit.record("shipment.registration-refused", event.trackingCode(), null,
                    MaskedRegistration.of(event));
            case ERASED -> audit.record("shipment.registration-refused", event.trackingCode(), null,
                    Map.of("reason", "the recipient's personal data of this code was erased"));
            case ALREADY_REGISTERED -> { } // a harmless repeat changes nothing
        }
        log.info("manual registration of {} for {} ({}): {}", event.trackingCode(),
                Masking.name(event.recipient().name()), Masking.phone(phoneOf(event.recipient())), result);
        return result;
    }

    static @Nullable String phoneOf(Recipient r) {
        var p = r.mobile() != null ? r.mobile() : r.landline();
        return p == null ? null : p.areaCode() + p.number();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
