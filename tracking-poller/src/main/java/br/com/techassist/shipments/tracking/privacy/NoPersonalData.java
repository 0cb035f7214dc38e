package br.com.techassist.shipments.tracking.privacy;

import br.com.techassist.shipments.model.PersonalDataErasureRequested.Reason;
import br.com.techassist.shipments.support.privacy.PersonalDataHolder;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * tracking-poller keeps no personal data, so an erasure changes nothing here (it is still confirmed,
 * with 0 rows). What it stores, table by table:
 * <ul>
 *   <li>{@code tracked_object}: tracking code, registration partition, milestone, polling schedule
 *       and timestamps, counts, the instance that polled;</li>
 *   <li>{@code tracking_emission}: ids and kinds of the events it published (no payloads);</li>
 *   <li>{@code outbox_event}: events until Kafka took them: milestone changes (Correios event code,
 *       description, time, the Correios unit's name and city, an agency's address for a pickup) and
 *       alerts (code, milestone, Correios message), i.e. data about Correios and the parcel, never
 *       about the recipient;</li>
 *   <li>{@code audit_record}, {@code dead_letter_replay}: operator replays of dead letters (topic,
 *       partition, offset, who).</li>
 * </ul>
 * The {@code ShipmentRegistered} records it consumes carry the recipient, but only the tracking code
 * and the partition are kept.
 */
@Component
class NoPersonalData implements PersonalDataHolder {

    @Override
    public int erase(String trackingCode, Reason reason) {
        return 0;
    }

    @Override
    public Optional<Instant> oldestHeld() {
        return Optional.empty();
    }
}
