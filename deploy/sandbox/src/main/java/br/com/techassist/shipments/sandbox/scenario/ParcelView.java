package br.com.techassist.shipments.sandbox.scenario;

import br.com.techassist.shipments.model.Milestone;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Ground truth about one parcel, for tests and the benchmark ({@code GET /sandbox/scenario/parcels}).
 *
 * @param phone the recipient's phones exactly as the pre-posting gives them
 * @param whatsappId the WhatsApp account that really exists for this recipient, or null
 * @param expectedFinalMilestone where the lifecycle ends (null for MANUAL parcels)
 * @param shippedExpected whether a SHIPPED message is due (posted, and the recipient has WhatsApp)
 * @param arrivedExpected whether an ARRIVED message is due (delivered or awaiting pickup, and WhatsApp)
 * @param finished true once every planned event is visible
 * @param correiosEvents events visible now, newest first, as SRO Rastro returns them
 * @param correiosEventsFirstServedAt for each of {@code correiosEvents}, when an SRO Rastro answer first showed it
 *     (simulated time), or null: how long the tracking poller took to see each event
 */
public record ParcelView(
        String trackingCode,
        String prePostingId,
        Lifecycle lifecycle,
        String recipientName,
        PhoneAsGiven phone,
        PhoneKind phoneKind,
        @Nullable String whatsappId,
        String destination,
        List<String> contents,
        String prePostedAt,
        @Nullable String postedAt,
        PrePostingStatus prePostingStatus,
        @Nullable Milestone expectedFinalMilestone,
        boolean shippedExpected,
        boolean arrivedExpected,
        boolean unknownEventCode,
        boolean finished,
        List<TrackingEvent> correiosEvents,
        List<@Nullable String> correiosEventsFirstServedAt) {

    /** The four phone fields of the pre-posting's {@code destinatario}. */
    public record PhoneAsGiven(
            @Nullable String dddCelular, @Nullable String celular, @Nullable String dddTelefone, @Nullable String telefone) {}

    static ParcelView of(Parcel parcel, LocalDateTime now) {
        Recipient recipient = parcel.recipient();
        boolean whatsapp = parcel.whatsappId() != null;
        LocalDateTime posted = parcel.postedAt();
        List<TrackingEvent> events = parcel.eventsAt(now).reversed();
        return new ParcelView(parcel.trackingCode(), parcel.id(), parcel.lifecycle(), recipient.name(),
                new PhoneAsGiven(recipient.dddCelular(), recipient.celular(), recipient.dddTelefone(), recipient.telefone()),
                parcel.phoneKind(), parcel.whatsappId(), recipient.address().cidade() + "/" + recipient.address().uf(),
                parcel.contents().stream().map(Parcel.ContentItem::conteudo).toList(),
                WireTime.format(parcel.prePostedAt()), posted != null ? WireTime.format(posted) : null,
                parcel.statusAt(now), parcel.lifecycle().finalMilestone(), whatsapp && parcel.lifecycle().ships(),
                whatsapp && parcel.lifecycle().arrives(), parcel.hasUnknownEventCode(), parcel.isFinished(now),
                events, firstServed(parcel, events));
    }

    /** For each event of {@code correiosEvents} (same order), when a tracking answer first showed it. */
    private static List<@Nullable String> firstServed(Parcel parcel, List<TrackingEvent> events) {
        List<@Nullable String> served = new java.util.ArrayList<>();
        for (TrackingEvent event : events) {
            LocalDateTime at = parcel.firstServedAt(event);
            served.add(at == null ? null : WireTime.format(at));
        }
        return served;
    }
}
