package br.com.techassist.shipments.phone.contact;

import br.com.techassist.shipments.model.ContactValidated;
import br.com.techassist.shipments.model.EventType;
import br.com.techassist.shipments.model.PersonalDataErasureRequested.Reason;
import br.com.techassist.shipments.support.privacy.PersonalDataHolder;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases what phone-validator holds of a parcel's recipient (LGPD): the contact's phone as typed, its
 * readings (E.164, candidates, typed id), the WhatsApp id and the last provider error are nulled
 * ({@link Contacts#erase}); the lookup-cache row of its number is deleted (the number is the
 * person's); a {@code ContactValidated} of the parcel still waiting in the outbox is dropped. Status,
 * attempts and timestamps stay, with {@code erased_at}.
 *
 * <p>A pending check is stopped: the contact is no longer due, an answer of a check in flight is
 * dropped (its revision moved on) and not cached ({@link LookupCache#storeAllHeld}), so nothing is
 * published about the contact after its erasure. A registration that arrives later (a replay, or the
 * first one after an early erasure, for which an erased placeholder is stored) finds the contact and
 * is ignored, and a correction is refused.
 */
@Component
class ContactErasure implements PersonalDataHolder {

    private static final Logger log = LoggerFactory.getLogger(ContactErasure.class);

    private final Contacts contacts;
    private final LookupCache cache;
    private final JdbcClient jdbc;
    private final Clock clock;

    ContactErasure(Contacts contacts, LookupCache cache, JdbcClient jdbc, Clock clock) {
        this.contacts = contacts;
        this.cache = cache;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int erase(String trackingCode, Reason reason) {
        Instant now = clock.instant();
        Optional<Contacts.Held> held = contacts.lockForErasure(trackingCode);
        if (held.isEmpty() && contacts.insertErased(trackingCode, now)) {
            log.info("{}: erased before its registration arrived ({}); its phone will not be stored", trackingCode, reason);
            return 0;
        }
        if (held.isEmpty()) { // the registration was stored meanwhile
            held = contacts.lockForErasure(trackingCode);
        }
        if (held.isEmpty() || held.get().erased()) {
            return 0;
        }
        int rows = contacts.erase(trackingCode, now);
        if (held.get().e164Digits() != null) {
            rows += cache.forget(held.get().e164Digits());
        }
        rows += jdbc.sql("DELETE FROM outbox_event WHERE message_key = ? AND ce_type = ?")
                .params(trackingCode, EventType.of(ContactValidated.class).ceType())
                .update();
        log.info("{}: personal data erased ({}, {} row(s))", trackingCode, reason, rows);
        return rows;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Instant> oldestHeld() {
        return contacts.oldestHeld();
    }
}
