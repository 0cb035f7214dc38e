package br.com.techassist.shipments.tracking.privacy;

import br.com.techassist.shipments.model.PersonalDataErasureRequested;
import br.com.techassist.shipments.model.PersonalDataErasureRequested.Reason;
import br.com.techassist.shipments.support.outbox.Outbox;
import br.com.techassist.shipments.support.privacy.PrivacyProperties;
import br.com.techassist.shipments.support.privacy.RetentionTask;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The end of a parcel's personal data: once a tracked object has been finished for
 * {@code PII_RETENTION} ({@code tracked_object.finished_at}, see the module README), one
 * {@link PersonalDataErasureRequested} with reason {@link Reason#RETENTION} and request id
 * {@code retention-<trackingCode>} is published, and every service erases what it holds of the parcel.
 *
 * <p>Each batch is one transaction: the requests go to the outbox and the objects get
 * {@code retention_requested_at}, so each parcel is asked for once. Should two runs overlap anyway,
 * the request's event id is derived from the parcel, and consumers de-duplicate it.
 *
 * <p>Each run also sets {@code shipments_personal_data_overdue_seconds}: how long past its due time
 * the most overdue finished parcel whose erasure was not requested yet is (0 when none).
 */
@Component
class FinishedParcels implements RetentionTask {

    static final String NAME = "finished_parcels";

    private static final Logger log = LoggerFactory.getLogger(FinishedParcels.class);

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Duration retention;
    private final AtomicLong overdueSeconds = new AtomicLong();

    FinishedParcels(JdbcClient jdbc, Outbox outbox, TransactionTemplate tx, PrivacyProperties privacy,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.tx = tx;
        this.retention = privacy.retention();
        Gauge.builder("shipments.personal.data.overdue", overdueSeconds, AtomicLong::get)
                .baseUnit("seconds")
                .description("how long past PII_RETENTION the most overdue finished parcel still waits for its"
                        + " erasure to be requested (0: none); set by each retention run")
                .register(meters);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int purge(Instant now, int limit) {
        Instant finishedBefore = now.minus(retention);
        int requested = Objects.requireNonNull(tx.execute(status -> requestErasures(finishedBefore, now, limit)));
        overdueSeconds.set(overdueAt(now));
        if (requested > 0) {
            log.info("{} parcel(s) finished at least {} ago: erasure of their personal data requested", requested,
                    retention);
        }
        return requested;
    }

    private int requestErasures(Instant finishedBefore, Instant now, int limit) {
        List<String> codes = jdbc.sql("""
                        SELECT tracking_code FROM tracked_object
                        WHERE retention_requested_at IS NULL AND finished_at <= :finishedBefore
                        ORDER BY finished_at, tracking_code
                        LIMIT :limit""")
                .param("finishedBefore", Timestamp.from(finishedBefore))
                .param("limit", limit)
                .query(String.class)
                .list();
        if (codes.isEmpty()) {
            return 0;
        }
        outbox.enqueueAll(codes.stream().map(code -> request(code, now)).toList());
        jdbc.sql("UPDATE tracked_object SET retention_requested_at = :now"
                        + " WHERE tracking_code IN (:codes) AND retention_requested_at IS NULL")
                .param("now", Timestamp.from(now))
                .param("codes", codes)
                .update();
        return codes.size();
    }

    static PersonalDataErasureRequested request(String trackingCode, Instant now) {
        String requestId = "retention-" + trackingCode;
        return new PersonalDataErasureRequested(PersonalDataErasureRequested.idFor(requestId, trackingCode),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC), trackingCode, requestId, Reason.RETENTION);
    }

    /** Seconds since the oldest finished parcel without an erasure request became due, 0 when none is due. */
    private long overdueAt(Instant now) {
        return jdbc.sql("""
                        SELECT MIN(finished_at) FROM tracked_object
                        WHERE retention_requested_at IS NULL AND finished_at IS NOT NULL""")
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)))
                .single()
                .map(oldest -> Duration.between(oldest.toInstant().plus(retention), now))
                .filter(overdue -> overdue.isPositive())
                .map(Duration::toSeconds)
                .orElse(0L);
    }
}
