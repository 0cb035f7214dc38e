package br.com.techassist.shipments.sandbox.scenario;

import br.com.techassist.shipments.sandbox.scenario.TrackingEvent.TrackingUnit;
import br.com.techassist.shipments.sandbox.scenario.TrackingEvent.UnitAddress;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Writes the Correios events of one lifecycle, from São Paulo (where the company posts) to the
 * recipient's city, with realistic codes, units and gaps.
 */
final class EventScript {

    static final String UNIDADE_ATENDIMENTO = "Unidade de Atendimento";
    static final String UNIDADE_TRATAMENTO = "Unidade de Tratamento";
    static final String UNIDADE_DISTRIBUICAO = "Unidade de Distribuição";

    private static final TrackingUnit ORIGIN_AGENCY =
            new TrackingUnit(UNIDADE_ATENDIMENTO, "AGF VILA MARIANA", UnitAddress.city("SAO PAULO", "SP"));
    private static final TrackingUnit ORIGIN_HUB =
            new TrackingUnit(UNIDADE_TRATAMENTO, "CTE VILA MARIA", UnitAddress.city("SAO PAULO", "SP"));
    private static final TrackingUnit ORIGIN_DELIVERY =
            new TrackingUnit(UNIDADE_DISTRIBUICAO, "CDD VILA MARIANA", UnitAddress.city("SAO PAULO", "SP"));

    private final Random random;
    private final City city;
    private final List<TrackingEvent> events = new ArrayList<>();
    private LocalDateTime time;

    EventScript(Random random, City city, LocalDateTime postedAt) {
        this.random = random;
        this.city = city;
        this.time = postedAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The events of {@code lifecycle}, oldest first; {@code unknownCode} adds an unmapped event in transit. */
    List<TrackingEvent> write(Lifecycle lifecycle, boolean unknownCode) {
        if (lifecycle == Lifecycle.NEVER_POSTED || lifecycle == Lifecycle.MANUAL) {
            return List.of();
        }
        posted();
        if (unknownCode) {
            after(1, 3, "TRF", "12", "Objeto em análise na unidade de tratamento", null, ORIGIN_HUB, null);
        }
        transitToDestination();
        switch (lifecycle) {
            case DELIVERED -> {
                outForDelivery();
                delivered(distribution());
            }
            case FAILED_ATTEMPT_THEN_DELIVERED -> {
                outForDelivery();
                failedAttempt();
                after(16, 20, "OEC", "01", "Objeto saiu para entrega ao destinatário", null, distribution(), null);
                delivered(distribution());
            }
            case PICKUP_COLLECTED -> {
                if (random.nextBoolean()) {
                    outForDelivery();
                    after(1, 6, "BDE", "02", "Objeto não entregue - carteiro não atendido",
                            "Objeto será encaminhado para retirada", distribution(), null);
                }
                after(6, 18, "LDI", "01", "Objeto aguardando retirada no endereço indicado",
                        "Para retirá-lo, é preciso informar o código do objeto e apresentar documentação que"
                                + " comprove ser o destinatário ou pessoa por ele oficialmente autorizada.",
                        pickupAgency(), null);
                after(20, 90, "BDI", "01", "Objeto entregue ao destinatário", null, pickupAgency(), null);
            }
            case RETURNED -> {
                outForDelivery();
                after(1, 6, "BDE", "06", "Objeto não entregue - destinatário desconhecido no endereço",
                        "Objeto será devolvido ao remetente", distribution(), null);
                after(12, 24, "RO", "01", "Objeto em transferência - por favor aguarde", null, distribution(), hub());
                after(24L * city.transitDays(), 24L * city.transitDays() + 12, "RO", "01",
                        "Objeto em transferência - por favor aguarde", null, hub(), ORIGIN_HUB);
                after(10, 20, "OEC", "09", "Objeto saiu para entrega ao remetente", null, ORIGIN_DELIVERY, null);
                after(1, 6, "BDE", "23", "Objeto devolvido ao remetente", "Recebido por: TECHASSIST", ORIGIN_DELIVERY,
                        null);
            }
            case EST_CORRECTION -> {
                outForDelivery();
                failedAttempt();
                after(1, 2, "EST", "01", "Favor desconsiderar a informação anterior", null, distribution(), null);
                delivered(distribution());
            }
            default -> { // STALLED: nothing after reaching the destination hub
            }
        }
        return List.copyOf(events);
    }

    private void posted() {
        add("PO", "01", "Objeto postado", null, ORIGIN_AGENCY, null);
        after(2, 5, "RO", "01", "Objeto em transferência - por favor aguarde", null, ORIGIN_AGENCY, ORIGIN_HUB);
    }

    private void transitToDestination() {
        long days = city.transitDays();
        after(Math.max(8, 24 * days - 12), 24 * days, "RO", "01", "Objeto em transferência - por favor aguarde",
                null, ORIGIN_HUB, hub());
        after(4, 12, "RO", "01", "Objeto em transferência - por favor aguarde", null, hub(), distribution());
    }

    private void outForDelivery() {
        after(8, 16, "OEC", "01", "Objeto saiu para entrega ao destinatário", null, distribution(), null);
    }

    private void failedAttempt() {
        after(1, 6, "BDE", "20", "Objeto não entregue - carteiro não atendido",
                "Será realizada uma nova tentativa de entrega", distribution(), null);
    }

    private void delivered(TrackingUnit unit) {
        after(1, 7, "BDE", "01", "Objeto entregue ao destinatário", null, unit, null);
    }

    private TrackingUnit hub() {
        return new TrackingUnit(UNIDADE_TRATAMENTO, "CTE " + city.correiosName(),
                UnitAddress.city(city.correiosName(), city.uf()));
    }

    private TrackingUnit distribution() {
        return new TrackingUnit(UNIDADE_DISTRIBUICAO, "CDD " + city.correiosName(),
                UnitAddress.city(city.correiosName(), city.uf()));
    }

    /** The post office where a parcel waits for pickup, with its full address. */
    private TrackingUnit pickupAgency() {
        return new TrackingUnit(UNIDADE_ATENDIMENTO, "AC CENTRAL DE " + city.correiosName(), new UnitAddress(
                city.cepPrefix() + "970", "RUA " + city.correiosName().split(" ")[0] + " DOS CORREIOS", "100",
                city.neighbourhoods().getFirst().toUpperCase(java.util.Locale.ROOT), city.correiosName(), city.uf()));
    }

    private void after(long minHours, long maxHours, String codigo, String tipo, String descricao,
            @Nullable String detalhe, TrackingUnit unidade, @Nullable TrackingUnit unidadeDestino) {
        long minutes = minHours * 60 + random.nextLong(Math.max(1, (maxHours - minHours) * 60));
        time = time.plus(Duration.ofMinutes(minutes)).plusSeconds(random.nextInt(60));
        add(codigo, tipo, descricao, detalhe, unidade, unidadeDestino);
    }

    private void add(String codigo, String tipo, String descricao, @Nullable String detalhe, TrackingUnit unidade,
            @Nullable TrackingUnit unidadeDestino) {
        events.add(new TrackingEvent(time, codigo, tipo, descricao, detalhe, unidade, unidadeDestino));
    }
}
