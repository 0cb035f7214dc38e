package br.com.techassist.shipments.ingest.privacy;

import br.com.techassist.shipments.ingest.intake.RejectedPrePostings;
import br.com.techassist.shipments.ingest.registration.PersonalDataIndex;
import br.com.techassist.shipments.ingest.registration.Registrations;
import br.com.techassist.shipments.model.PersonalDataErasureRequested;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.support.privacy.PersonalDataHolder;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What prepost-ingest holds of a parcel's recipient, and erases: the erasure-index keys
 * ({@code personal_data_key}), the recipient fingerprint and registration fingerprint of
 * {@code registered_shipment} (the row stays, marked {@code erased_at}, so the code is never registered,
 * indexed or alerted again), the rejected pre-postings of the code (masked excerpts) and a parked,
 * never-published {@code ShipmentRegistered} of it in the outbox. The audit trail keeps its masked
 * records ({@code AUDIT_RETENTION}).
 */
@Component
class IngestPersonalData implements PersonalDataHolder {

    private static final Logger log = LoggerFactory.getLogger(IngestPersonalData.class);

    private final PersonalDataIndex index;
    private final Registrations registrations;
    private final RejectedPrePostings rejects;
    private final JdbcClient jdbc;
    private final Clock clock;

    IngestPersonalData(PersonalDataIndex index, Registrations registrations, RejectedPrePostings rejects,
            JdbcClient jdbc, Clock clock) {
        this.index = index;
        this.registrations = registrations;
        this.rejects = rejects;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int erase(String trackingCode, PersonalDataErasureRequested.Reason reason) {
        if (!TrackingCode.isValid(trackingCode)) {
            log.warn("erasure ({}) of '{}' ignored: not a tracking code", reason, trackingCode);
            return 0;
        }
        String code = TrackingCode.parse(trackingCode).value();
        int rows = index.forget(code) + registrations.erase(code, clock.instant()) + rejects.forget(code)
                + jdbc.sql("DELETE FROM outbox_event WHERE topic = ? AND message_key = ? AND parked_at IS NOT NULL")
                        .params(Topics.REGISTERED, code)
                        .update();
        log.info("personal data of {} erased ({}): {} rows", code, reason, rows);
        return rows;
    }

    @Override
    public Optional<Instant> oldestHeld() {
        return Stream.of(index.oldest(), registrations.oldestWithRecipient())
                .flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
    }
}
