package br.com.techassist.shipments.sandbox.scenario;

import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.sandbox.SandboxProperties;
import br.com.techassist.shipments.sandbox.clock.SimulatedClock;
import br.com.techassist.shipments.sandbox.scenario.TrackingEvent.TrackingUnit;
import br.com.techassist.shipments.sandbox.scenario.TrackingEvent.UnitAddress;
import br.com.techassist.shipments.sandbox.whatsapp.WhatsAppDirectory;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the scenario's parcels: the generated start-up set, and those the admin API asks for.
 * Registers each recipient's real WhatsApp account in the directory.
 */
@Component
public class Scenario implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Scenario.class);

    private final SandboxProperties.Scenario settings;
    private final SimulatedClock clock;
    private final Parcels parcels;
    private final WhatsAppDirectory directory;
    private final ScenarioGenerator generator;

    Scenario(SandboxProperties properties, SimulatedClock clock, Parcels parcels, WhatsAppDirectory directory) {
        this.settings = properties.scenario();
        this.clock = clock;
        this.parcels = parcels;
        this.directory = directory;
        this.generator = new ScenarioGenerator(settings.seed());
    }

    @Override
    public void afterSingletonsInstantiated() {
        LocalDateTime now = clock.now();
        Random times = new Random(settings.seed() ^ 0x5DEECE66DL);
        long spreadSeconds = Math.max(1, settings.spread().toSeconds());
        List<LocalDateTime> prePostings = new ArrayList<>();
        for (int i = 0; i < settings.parcels(); i++) {
            prePostings.add(now.plusSeconds(times.nextLong(spreadSeconds) - spreadSeconds / 2));
        }
        prePostings.sort(Comparator.naturalOrder());
        List<Parcel> created = prePostings.stream().map(at -> add(generator.generate(at, null, null))).toList();
        if (!created.isEmpty()) {
            log.info("Scenario ready: {} parcels (seed {}), lifecycles {}, clock at {} running x{}", created.size(),
                    settings.seed(), count(created), WireTime.format(now), clock.speed());
        }
    }

    /** Generates {@code count} parcels pre-posted now; lifecycle and phone kind random unless given. */
    public List<Parcel> generate(int count, @Nullable Lifecycle lifecycle, @Nullable PhoneKind phoneKind) {
        LocalDateTime now = clock.now().truncatedTo(ChronoUnit.SECONDS);
        List<Parcel> created = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            created.add(add(generator.generate(now, lifecycle, phoneKind)));
        }
        log.info("Scenario: {} parcels added, lifecycles {}", count, count(created));
        return created;
    }

    /** Creates one parcel as specified, pre-posted now; unspecified fields are generated. */
    public Parcel create(ParcelSpec spec) {
        LocalDateTime now = clock.now().truncatedTo(ChronoUnit.SECONDS);
        Lifecycle lifecycle = spec.lifecycle() != null ? spec.lifecycle() : Lifecycle.MANUAL;
        String ddd = spec.dddCelular() != null ? spec.dddCelular() : spec.dddTelefone();
        Parcel base = generator.generate(now, lifecycle, spec.phoneKind(), ddd);
        String code = base.trackingCode();
        if (spec.trackingCode() != null) {
            if (!TrackingCode.isValid(spec.trackingCode())) {
                throw new IllegalArgumentException("invalid tracking code " + spec.trackingCode());
            }
            code = TrackingCode.parse(spec.trackingCode()).value();
            if (!generator.reserve(code) || parcels.byTrackingCode(code).isPresent()) {
                throw new IllegalStateException("tracking code " + code + " already exists");
            }
        }
        Recipient generated = base.recipient();
        boolean phonesGiven = spec.dddCelular() != null || spec.celular() != null || spec.dddTelefone() != null
                || spec.telefone() != null;
        Recipient recipient = new Recipient(spec.name() != null ? spec.name() : generated.name(),
                phonesGiven ? spec.dddCelular() : generated.dddCelular(),
                phonesGiven ? spec.celular() : generated.celular(),
                phonesGiven ? spec.dddTelefone() : generated.dddTelefone(),
                phonesGiven ? spec.telefone() : generated.telefone(),
                spec.email() != null ? spec.email() : generated.email(), generated.cpf(), generated.address());
        String whatsappId = phonesGiven || spec.whatsappId() != null ? spec.whatsappId() : base.whatsappId();
        List<TrackingEvent> events = new ArrayList<>(base.eventsAt(LocalDateTime.MAX));
        if (spec.events() != null) {
            for (EventSpec event : spec.events()) {
                events.add(event.toEvent(now, defaultUnit(recipient)));
            }
        }
        List<Parcel.ContentItem> contents = spec.product() != null
                ? List.of(new Parcel.ContentItem(spec.product(), 1, 1000.0)) : base.contents();
        Parcel parcel = new Parcel(base.id(), code, recipient, contents, base.invoiceNumber(), base.note(),
                base.weightGrams(), lifecycle, phonesGiven ? PhoneKind.GIVEN : base.phoneKind(), whatsappId, now,
                base.expectedDelivery(), base.hasUnknownEventCode(), events);
        add(parcel, spec.whatsappBusiness() != null && spec.whatsappBusiness());
        log.info("Scenario: parcel {} added ({}, {})", code, lifecycle, parcel.phoneKind());
        return parcel;
    }

    /** Adds a Correios event to a parcel; it becomes visible when the clock reaches it. */
    public TrackingEvent addEvent(String trackingCode, EventSpec spec) {
        Parcel parcel = parcels.byTrackingCode(trackingCode)
                .orElseThrow(() -> new java.util.NoSuchElementException("no parcel " + trackingCode));
        TrackingEvent event = spec.toEvent(clock.now().truncatedTo(ChronoUnit.SECONDS), defaultUnit(parcel.recipient()));
        parcel.addEvent(event);
        log.info("Scenario: event {}/{} added to {} at {}", event.codigo(), event.tipo(), trackingCode,
                WireTime.format(event.at()));
        return event;
    }

    private Parcel add(Parcel parcel) {
        return add(parcel, parcel.phoneKind() == PhoneKind.LANDLINE_WITH_WHATSAPP_BUSINESS);
    }

    private Parcel add(Parcel parcel, boolean business) {
        parcels.add(parcel);
        if (parcel.whatsappId() != null) {
            directory.register(parcel.whatsappId(), parcel.recipient().name(), business);
        }
        return parcel;
    }

    private static TrackingUnit defaultUnit(Recipient recipient) {
        String city = Normalizer.normalize(recipient.address().cidade(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
        return new TrackingUnit(EventScript.UNIDADE_DISTRIBUICAO, "CDD " + city,
                UnitAddress.city(city, recipient.address().uf()));
    }

    private static Map<Lifecycle, Long> count(List<Parcel> created) {
        return created.stream().collect(Collectors.groupingBy(Parcel::lifecycle, TreeMap::new, Collectors.counting()));
    }

    /**
     * A parcel to create through the admin API. Every field is optional.
     *
     * @param whatsappId the WhatsApp account the recipient really has (digits), registered on creation
     * @param events Correios events, each {@code after} the pre-posting (simulated time)
     */
    public record ParcelSpec(
            @Nullable String trackingCode,
            @Nullable String name,
            @Nullable String dddCelular,
            @Nullable String celular,
            @Nullable String dddTelefone,
            @Nullable String telefone,
            @Nullable String email,
            @Nullable String whatsappId,
            @Nullable Boolean whatsappBusiness,
            @Nullable String product,
            @Nullable Lifecycle lifecycle,
            @Nullable PhoneKind phoneKind,
            @Nullable List<EventSpec> events) {}

    /**
     * A Correios event to add.
     *
     * @param after simulated time from now (or from the pre-posting) until it appears; 0 when unset
     * @param unidade where it happened; the recipient city's distribution unit when unset
     */
    public record EventSpec(
            String codigo,
            String tipo,
            @Nullable String descricao,
            @Nullable String detalhe,
            @Nullable TrackingUnit unidade,
            @Nullable TrackingUnit unidadeDestino,
            @Nullable Duration after) {

        TrackingEvent toEvent(LocalDateTime from, TrackingUnit defaultUnit) {
            if (codigo == null || codigo.isBlank() || tipo == null || tipo.isBlank()) {
                throw new IllegalArgumentException("an event needs codigo and tipo");
            }
            LocalDateTime at = from.plus(after != null ? after : Duration.ZERO).truncatedTo(ChronoUnit.SECONDS);
            return new TrackingEvent(at, codigo, tipo, descricao != null ? descricao : "Evento " + codigo + " " + tipo,
                    detalhe, unidade != null ? unidade : defaultUnit, unidadeDestino);
        }
    }
}
