package br.com.techassist.shipments.ingest.privacy;

import br.com.techassist.shipments.model.PersonalDataErased;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The services' confirmations of erasure requests (table {@code erasure_confirmation}, one row per
 * request, parcel and service) and the progress of a request they give.
 */
@Component
class ErasureConfirmations {

    private static final Logger log = LoggerFactory.getLogger(ErasureConfirmations.class);

    private final JdbcClient jdbc;
    private final ErasureProperties props;

    ErasureConfirmations(JdbcClient jdbc, ErasureProperties props) {
        this.jdbc = jdbc;
        this.props = props;
    }

    /**
     * Stores the confirmations of parcels of this service's erasure requests, in the caller's
     * transaction; a confirmation stored already (a redelivery) and one of another request (a retention
     * erasure of tracking-poller) are skipped. Returns how many were stored.
     */
    int store(List<PersonalDataErased> confirmations) {
        List<PersonalDataErased> ours = confirmations.stream().filter(c -> isUuid(c.requestId())).toList();
        if (ours.isEmpty()) {
            return 0;
        }
        List<String> requestIds = ours.stream().map(PersonalDataErased::requestId).distinct().toList();
        Set<String> parcels = new HashSet<>(jdbc.sql(
                        "SELECT request_id, tracking_code FROM erasure_request_parcel WHERE request_id IN (:ids)")
                .param("ids", requestIds)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2))
                .list());
        Set<String> stored = new HashSet<>(jdbc.sql(
                        "SELECT request_id, tracking_code, service FROM erasure_confirmation WHERE request_id IN (:ids)")
                .param("ids", requestIds)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
                .list());
        int count = 0;
        for (PersonalDataErased c : ours) {
            String parcel = c.requestId() + "|" + c.trackingCode();
            if (!parcels.contains(parcel) || !stored.add(parcel + "|" + c.service())) {
                continue;
            }
            try {
                count += jdbc.sql("INSERT INTO erasure_confirmation (request_id, tracking_code, service, rows_changed,"
                                + " erased_at) VALUES (?, ?, ?, ?, ?)")
                        .params(c.requestId(), c.trackingCode(), c.service(), c.rows(),
                                Timestamp.from(c.occurredAt().toInstant()))
                        .update();
                log.info("erasure request {}: {} erased {} ({} rows)", c.requestId(), c.service(), c.trackingCode(),
                        c.rows());
            } catch (DuplicateKeyException storedMeanwhile) {
                // the same confirmation, stored by a concurrent delivery
            }
        }
        return count;
    }

    /** The request {@code id} with what each parcel's services confirmed; empty for an unknown id. */
    Optional<ErasureProgress> progress(UUID id) {
        var request = jdbc.sql("SELECT requested_at, requested_by, identifier_kinds FROM erasure_request WHERE id = ?")
                .param(id.toString())
                .query((rs, n) -> new Request(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)))
                .optional();
        if (request.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<ErasureProgress.Confirmation>> byCode = new LinkedHashMap<>();
        jdbc.sql("SELECT tracking_code FROM erasure_request_parcel WHERE request_id = ? ORDER BY tracking_code")
                .param(id.toString())
                .query(String.class)
                .list()
                .forEach(code -> byCode.put(code, new ArrayList<>()));
        jdbc.sql("SELECT tracking_code, service, rows_changed, erased_at FROM erasure_confirmation WHERE request_id = ?"
                        + " ORDER BY erased_at, service")
                .param(id.toString())
                .query((rs, n) -> Map.entry(rs.getString(1), new ErasureProgress.Confirmation(rs.getString(2),
                        rs.getInt(3), rs.getTimestamp(4).toInstant())))
                .list()
                .forEach(e -> byCode.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<ErasureProgress.Parcel> parcels = new ArrayList<>();
        byCode.forEach((code, confirmed) -> {
            Set<String> done = new HashSet<>(confirmed.stream().map(ErasureProgress.Confirmation::service).toList());
            parcels.add(new ErasureProgress.Parcel(code, List.copyOf(confirmed),
                    props.services().stream().filter(s -> !done.contains(s)).toList()));
        });
        boolean complete = parcels.stream().allMatch(p -> p.awaiting().isEmpty());
        Request r = request.get();
        return Optional.of(new ErasureProgress(id, r.requestedAt(), r.requestedBy(),
                r.kinds().isEmpty() ? List.of() : Arrays.asList(r.kinds().split(",")),
                complete ? "complete" : "requested", complete, parcels));
    }

    private record Request(Instant requestedAt, String requestedBy, String kinds) {}

    private static boolean isUuid(String s) {
        try {
            UUID.fromString(s);
            return s.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
