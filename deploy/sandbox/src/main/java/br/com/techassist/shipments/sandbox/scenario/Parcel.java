package br.com.techassist.shipments.sandbox.scenario;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One parcel of the scenario: its pre-posting data, the WhatsApp account its recipient really has,
 * and its Correios events, each revealed when the simulated clock reaches it. Thread-safe: the
 * event list is replaced atomically when the admin API adds an event.
 */
public final class Parcel {

    /** Unposted pre-postings expire after seven days (manual's glossary). */
    static final Duration EXPIRY = Duration.ofDays(7);

    private final String id;
    private final String trackingCode;
    private final PostalService service;
    private final Recipient recipient;
    private final List<ContentItem> contents;
    private final @Nullable String invoiceNumber;
    private final String note;
    private final int weightGrams;
    private final Lifecycle lifecycle;
    private final PhoneKind phoneKind;
    private final @Nullable String whatsappId;
    private final LocalDateTime prePostedAt;
    private final LocalDateTime expiresAt;
    private final LocalDate expectedDelivery;
    private final boolean unknownEventCode;
    private volatile List<TrackingEvent> events;
    private final Map<TrackingEvent, LocalDateTime> firstServed = new ConcurrentHashMap<>();
    private volatile @Nullable LocalDateTime postedAt;

    Parcel(String id, String trackingCode, Recipient recipient, List<ContentItem> contents,
            @Nullable String invoiceNumber, String note, int weightGrams, Lifecycle lifecycle, PhoneKind phoneKind,
            @Nullable String whatsappId, LocalDateTime prePostedAt, LocalDate expectedDelivery,
            boolean unknownEventCode, List<TrackingEvent> events) {
        this.id = id;
        this.trackingCode = trackingCode;
        this.service = PostalService.ofCode(trackingCode);
        this.recipient = recipient;
        this.contents = List.copyOf(contents);
        this.invoiceNumber = invoiceNumber;
        this.note = note;
        this.weightGrams = weightGrams;
        this.lifecycle = lifecycle;
        this.phoneKind = phoneKind;
        this.whatsappId = whatsappId;
        this.prePostedAt = prePostedAt;
        this.expiresAt = prePostedAt.plus(EXPIRY);
        this.expectedDelivery = expectedDelivery;
        this.unknownEventCode = unknownEventCode;
        this.events = sorted(events);
        this.postedAt = firstPosting(this.events);
    }

    /** A declared content line ({@code itensDeclaracaoConteudo[]}). */
    public record ContentItem(String conteudo, int quantidade, double valor) {}

    /** True once the pre-posting exists at simulated time {@code now}. */
    public boolean isPrePosted(LocalDateTime now) {
        return !prePostedAt.isAfter(now);
    }

    /** The events visible at {@code now}, oldest first. */
    public List<TrackingEvent> eventsAt(LocalDateTime now) {
        List<TrackingEvent> all = events;
        int visible = 0;
        while (visible < all.size() && !all.get(visible).at().isAfter(now)) {
            visible++;
        }
        return all.subList(0, visible);
    }

    /** Notes that a tracking answer at simulated time {@code now} showed these events (the first time counts). */
    public void served(List<TrackingEvent> shown, LocalDateTime now) {
        for (TrackingEvent event : shown) {
            firstServed.putIfAbsent(event, now);
        }
    }

    /** When a tracking answer first showed {@code event} (simulated time); null if none has yet. */
    public @Nullable LocalDateTime firstServedAt(TrackingEvent event) {
        return firstServed.get(event);
    }

    /** True when every planned event is visible at {@code now}. */
    public boolean isFinished(LocalDateTime now) {
        List<TrackingEvent> all = events;
        return all.isEmpty() ? lifecycle != Lifecycle.MANUAL && !now.isBefore(expiresAt)
                : !all.getLast().at().isAfter(now);
    }

    /** When the first "Objeto postado" event happens, if it does. */
    public @Nullable LocalDateTime postedAt() {
        return postedAt;
    }

    private static @Nullable LocalDateTime firstPosting(List<TrackingEvent> events) {
        for (TrackingEvent event : events) {
            if (event.codigo().equals("PO")) {
                return event.at();
            }
        }
        return null;
    }

    /** The pre-posting status at {@code now}. */
    public PrePostingStatus statusAt(LocalDateTime now) {
        LocalDateTime posted = postedAt();
        if (posted != null && !posted.isAfter(now)) {
            return PrePostingStatus.POSTADO;
        }
        return now.isBefore(expiresAt) ? PrePostingStatus.PREPOSTADO : PrePostingStatus.EXPIRADO;
    }

    /** When the status at {@code now} began. */
    public LocalDateTime statusSince(LocalDateTime now) {
        return switch (statusAt(now)) {
            case POSTADO -> java.util.Objects.requireNonNull(postedAt());
            case EXPIRADO -> expiresAt;
            default -> prePostedAt;
        };
    }

    /** Adds an event (admin API); it appears when the clock reaches its time. */
    synchronized void addEvent(TrackingEvent event) {
        List<TrackingEvent> next = new ArrayList<>(events);
        next.add(event);
        events = sorted(next);
        postedAt = firstPosting(events);
    }

    private static List<TrackingEvent> sorted(List<TrackingEvent> events) {
        List<TrackingEvent> copy = new ArrayList<>(events);
        copy.sort(Comparator.comparing(TrackingEvent::at));
        return List.copyOf(copy);
    }

    public String id() {
        return id;
    }

    public String trackingCode() {
        return trackingCode;
    }

    public PostalService service() {
        return service;
    }

    public Recipient recipient() {
        return recipient;
    }

    public List<ContentItem> contents() {
        return contents;
    }

    public @Nullable String invoiceNumber() {
        return invoiceNumber;
    }

    public String note() {
        return note;
    }

    public int weightGrams() {
        return weightGrams;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    public PhoneKind phoneKind() {
        return phoneKind;
    }

    /** The id of the WhatsApp account the recipient really has, or null. */
    public @Nullable String whatsappId() {
        return whatsappId;
    }

    public LocalDateTime prePostedAt() {
        return prePostedAt;
    }

    public LocalDate expectedDelivery() {
        return expectedDelivery;
    }

    public boolean hasUnknownEventCode() {
        return unknownEventCode;
    }
}
