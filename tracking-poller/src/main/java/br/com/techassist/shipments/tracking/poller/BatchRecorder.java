package br.com.techassist.shipments.tracking.poller;

import br.com.techassist.shipments.model.PersonalDataErased;
import br.com.techassist.shipments.model.PersonalDataErasureRequested;
import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.ShipmentStatusChanged;
import br.com.techassist.shipments.support.outbox.Outbox;
import br.com.techassist.shipments.tracking.source.TrackingReport;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores what one Rastro answer means for its batch, in one transaction: the objects are locked
 * ({@code SELECT … FOR UPDATE}), each one's new state is written, and its events are claimed in
 * {@code tracking_emission} and put in the outbox. A crash before commit publishes nothing and the
 * objects stay due; after commit every event is published exactly once by the outbox relay.
 */
@Component
class BatchRecorder {

    private static final Logger log = LoggerFactory.getLogger(BatchRecorder.class);

    private final TrackedObjects objects;
    private final Emissions emissions;
    private final ObjectTracker tracker;
    private final Outbox outbox;
    private final TrackingMetrics metrics;
    private final TransactionTemplate tx;

    BatchRecorder(TrackedObjects objects, Emissions emissions, ObjectTracker tracker, Outbox outbox,
            TrackingMetrics metrics, TransactionTemplate tx) {
        this.objects = objects;
        this.emissions = emissions;
        this.tracker = tracker;
        this.outbox = outbox;
        this.metrics = metrics;
        this.tx = tx;
    }

    /** Applies the reports; asked-for objects without a report are retried after the minimum interval. */
    void answered(Collection<String> codes, List<TrackingReport> reports, Instant now, String instance) {
        Map<String, TrackingReport> byCode = reports.stream()
                .collect(Collectors.toMap(TrackingReport::trackingCode, Function.identity(), (a, b) -> a));
        tx.executeWithoutResult(status -> {
            Set<UUID> published = emissions.publishedFor(codes);
            for (TrackedObject object : objects.lock(codes)) {
                if (!object.active()) {
                    continue;
                }
                TrackingReport report = byCode.get(object.trackingCode());
                if (report == null) {
                    log.warn("{}: missing from the Rastro answer; retrying after the minimum interval",
                            object.trackingCode());
                    objects.update(tracker.unanswered(object, now, instance));
                    continue;
                }
                ObjectTracker.Update update = tracker.apply(object, report, published, now, instance);
                objects.update(update.next());
                update.events().forEach(event -> publish(event, now));
                if (!update.next().active()) {
                    log.info("{}: polling stopped ({}, at {})", object.trackingCode(), update.next().stopReason(),
                            update.next().milestone());
                }
            }
        });
    }

    /** The request for these objects failed: they are retried after the minimum interval. */
    void unanswered(Collection<String> codes, Instant now, String instance) {
        tx.executeWithoutResult(status -> {
            for (TrackedObject object : objects.lock(codes)) {
                if (object.active()) {
                    objects.update(tracker.unanswered(object, now, instance));
                }
            }
        });
    }

    private void publish(ShipmentEvent event, Instant now) {
        if (!emissions.claim(event, now)) {
            return;
        }
        outbox.enqueue(event);
        switch (event) {
            case ShipmentStatusChanged change -> {
                metrics.published(change, now);
                var cause = change.correiosEvent();
                log.info("{}: {} -> {}{} ({}/{} {} at {}{})", change.trackingCode(), change.previousMilestone(),
                        change.milestone(), change.deliveryReversed() ? " (delivery reversed)" : "",
                        cause == null ? "-" : cause.code(), cause == null ? "-" : cause.type(),
                        cause == null ? "" : cause.description(), change.occurredAt(),
                        cause == null || cause.unit() == null ? "" : ", " + cause.unit().city() + "/" + cause.unit().state());
            }
            case ShipmentAlert alert -> {
                metrics.published(alert);
                log.warn("{}: alert {} {}: {}", alert.trackingCode(), alert.severity(), alert.type(), alert.message());
            }
            case PersonalDataErasureRequested request -> log.info("{}: erasure of personal data requested ({}, {})",
                    request.trackingCode(), request.reason(), request.requestId());
            case PersonalDataErased erased -> log.info("{}: personal data erased ({} row(s), request {})",
                    erased.trackingCode(), erased.rows(), erased.requestId());
            default -> throw new IllegalStateException("tracking-poller does not publish " + event);
        }
    }
}
