package br.com.techassist.shipments.support.privacy;

import br.com.techassist.shipments.model.PersonalDataErasureRequested;
import java.time.Instant;
import java.util.Optional;

/**
 * What a service implements to take part in the LGPD lifecycle (ARCHITECTURE "Personal data"): one
 * bean per service that knows every table and column where the service keeps a parcel's personal
 * data (name, phones, e-mail, address, CPF/CNPJ, notes, WhatsApp id).
 *
 * <p>service-support calls {@link #erase} for each {@link PersonalDataErasureRequested} on
 * {@code shipments.privacy.v1}, inside the database transaction that also stores the service's
 * {@code PersonalDataErased} confirmation in the outbox, and reads {@link #oldestHeld} for the
 * {@code shipments_personal_data_oldest_seconds} gauge.
 */
public interface PersonalDataHolder {

    /**
     * Deletes or irreversibly anonymises every piece of personal data this service holds of the
     * parcel, keeping what operations and statistics need (tracking code, milestones, states,
     * timestamps, counts). Idempotent: a second call changes nothing and returns 0. A parcel this
     * service has not seen yet must stay erased when its data arrives later (remember the erasure).
     *
     * @return how many rows were changed
     */
    int erase(String trackingCode, PersonalDataErasureRequested.Reason reason);

    /** When the oldest personal data this service still holds was stored; empty when it holds none. */
    Optional<Instant> oldestHeld();
}
