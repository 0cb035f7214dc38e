package br.com.techassist.shipments.tracking.poller;

import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.ShipmentStatusChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** The meters of tracking-poller; names, types and tags are listed in the module README. */
@Component
class TrackingMetrics {

    private final MeterRegistry registry;
    private final Map<Milestone, AtomicLong> polled = new EnumMap<>(Milestone.class);
    private final Map<Milestone, AtomicLong> stopped = new EnumMap<>(Milestone.class);
    private final DistributionSummary codesPerRequest;
    private final Counter registrations;

    TrackingMetrics(MeterRegistry registry, PartitionOwnership ownership) {
        this.registry = registry;
        for (Milestone m : Milestone.values()) {
            objectsGauge(m, true, polled);
            objectsGauge(m, false, stopped);
        }
        Gauge.builder("tracking.partitions.owned", ownership, o -> o.partitions().size())
                .description("partitions of shipments.registered.v1 whose objects this instance polls")
                .register(registry);
        this.codesPerRequest = DistributionSummary.builder("tracking.rastro.codes.per.request")
                .description("tracking codes asked for in one SRO Rastro request")
                .serviceLevelObjectives(1, 10, 25, 49, 50)
                .register(registry);
        this.registrations = Counter.builder("tracking.registrations")
                .description("new objects taken into tracking from shipments.registered.v1")
                .register(registry);
    }

    private void objectsGauge(Milestone milestone, boolean polling, Map<Milestone, AtomicLong> values) {
        AtomicLong value = new AtomicLong();
        values.put(milestone, value);
        Gauge.builder("tracking.objects", value, AtomicLong::get)
                .description("tracked objects by milestone, still polled or not (all instances: use max, not sum)")
                .tags("milestone", milestone.name(), "polling", Boolean.toString(polling))
                .register(registry);
    }

    void objects(TrackedObjects.Counts counts) {
        counts.polled().forEach((m, n) -> polled.get(m).set(n));
        counts.stopped().forEach((m, n) -> stopped.get(m).set(n));
    }

    void registered() {
        registrations.increment();
    }

    void request(String outcome, int codes, Duration took) {
        Timer.builder("tracking.rastro.requests")
                .description("SRO Rastro batch requests (after the client's retries), by outcome")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
        codesPerRequest.record(codes);
    }

    void published(ShipmentStatusChanged change, Instant now) {
        Counter.builder("tracking.milestones.emitted")
                .description("ShipmentStatusChanged events published, by milestone")
                .tags(Tags.of("milestone", change.milestone().name(), "delivery_reversed",
                        Boolean.toString(change.deliveryReversed())))
                .register(registry)
                .increment();
        if (change.correiosEvent() != null && change.correiosEvent().occurredAt() != null) {
            Duration delay = Duration.between(change.correiosEvent().occurredAt().toInstant(), now);
            Timer.builder("tracking.detection.delay")
                    .description("time from the Correios event to its milestone change being published")
                    .tag("milestone", change.milestone().name())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofSeconds(1))
                    .maximumExpectedValue(Duration.ofDays(2))
                    .register(registry)
                    .record(delay.isNegative() ? Duration.ZERO : delay);
        }
    }

    void published(ShipmentAlert alert) {
        Counter.builder("tracking.alerts")
                .description("operator alerts published by tracking-poller, by type")
                .tag("type", alert.type().name())
                .register(registry)
                .increment();
        if (alert.type() == ShipmentAlert.AlertType.UNKNOWN_EVENT_CODE) {
            Counter.builder("tracking.unknown.events")
                    .description("distinct Correios events whose (codigo, tipo) the mapping does not know")
                    .tags("code", alert.details().getOrDefault("code", ""), "type",
                            alert.details().getOrDefault("type", ""))
                    .register(registry)
                    .increment();
        }
    }

    void cycle(Duration took) {
        Timer.builder("tracking.cycles")
                .description("polling cycles of this instance")
                .register(registry)
                .record(took);
    }
}
