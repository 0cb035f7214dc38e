package br.com.techassist.shipments.tracking.poller;

import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.tracking.poller.BatchPlanner.Candidate;
import br.com.techassist.shipments.tracking.poller.TrackedObject.StopReason;
import br.com.techassist.shipments.support.jdbc.MultiRowInsert;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code tracked_object} table (portable SQL: MySQL 8.4, MariaDB 10.11, H2 in MySQL mode). */
@Repository
class TrackedObjects {

    private static final String COLUMNS = """
            tracking_code, kafka_partition, milestone, delivered, active, stop_reason, registered_at, next_poll_at,
            last_polled_at, last_event_at, expected_delivery, polls, polled_by, moved_at, finished_at""";

    private final JdbcClient jdbc;

    TrackedObjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new object; false (and nothing changed) when the code is already tracked. */
    boolean insert(TrackedObject o) {
        return !insertAll(List.of(o)).isEmpty();
    }

    /**
     * Stores the objects whose code is not tracked yet with one multi-row {@code INSERT IGNORE}, in
     * code order (so concurrent inserters take their locks in the same order); a code given twice is
     * stored once. Returns the objects stored, in code order.
     */
    List<TrackedObject> insertAll(Collection<TrackedObject> given) {
        Map<String, TrackedObject> byCode = new TreeMap<>();
        given.forEach(o -> byCode.putIfAbsent(o.trackingCode(), o));
        if (byCode.isEmpty()) {
            return List.of();
        }
        Set<String> tracked = new HashSet<>(jdbc.sql("SELECT tracking_code FROM tracked_object WHERE tracking_code IN (:codes)")
                .param("codes", byCode.keySet())
                .query(String.class)
                .list());
        List<TrackedObject> fresh = byCode.values().stream().filter(o -> !tracked.contains(o.trackingCode())).toList();
        if (fresh.isEmpty()) {
            return fresh;
        }
        MultiRowInsert.run(jdbc, "INSERT IGNORE INTO tracked_object (" + COLUMNS + ")", fresh.stream()
                .map(o -> Arrays.<@Nullable Object>asList(o.trackingCode(), o.partition(), o.milestone().name(),
                        o.delivered(), o.active(), name(o.stopReason()), ts(o.registeredAt()), ts(o.nextPollAt()),
                        ts(o.lastPolledAt()), ts(o.lastEventAt()), ts(o.expectedDelivery()), o.polls(), o.polledBy(),
                        ts(o.movedAt()), ts(o.finishedAt())))
                .toList());
        return fresh;
    }

    /**
     * Objects of {@code partitions} that may be polled now: the due ones, then those due before
     * {@code fillUntil} whose last poll is at least the minimum interval ago ({@code polledBefore}),
     * most urgent (earliest due) first.
     */
    List<Candidate> candidates(Collection<Integer> partitions, Instant now, Instant fillUntil, Instant polledBefore,
            int limit) {
        if (partitions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT tracking_code, kafka_partition, next_poll_at FROM tracked_object
                        WHERE active = TRUE AND kafka_partition IN (:partitions)
                          AND (next_poll_at <= :now
                               OR (next_poll_at <= :fillUntil AND (last_polled_at IS NULL OR last_polled_at <= :polledBefore)))
                        ORDER BY next_poll_at, tracking_code
                        LIMIT :limit""")
                .param("partitions", partitions)
                .param("now", ts(now))
                .param("fillUntil", ts(fillUntil))
                .param("polledBefore", ts(polledBefore))
                .param("limit", limit)
                .query((rs, n) -> new Candidate(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** The objects with these codes, locked until the end of the transaction. */
    List<TrackedObject> lock(Collection<String> codes) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tracked_object WHERE tracking_code IN (:codes) FOR UPDATE")
                .param("codes", codes)
                .query(TrackedObjects::map)
                .list();
    }

    Optional<TrackedObject> find(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tracked_object WHERE tracking_code = ?")
                .param(code)
                .query(TrackedObjects::map)
                .optional();
    }

    void update(TrackedObject o) {
        jdbc.sql("""
                        UPDATE tracked_object SET milestone = ?, delivered = ?, active = ?, stop_reason = ?, next_poll_at = ?,
                          last_polled_at = ?, last_event_at = ?, expected_delivery = ?, polls = ?, polled_by = ?,
                          moved_at = ?, finished_at = ?
                        WHERE tracking_code = ?""")
                .params(o.milestone().name(), o.delivered(), o.active(), name(o.stopReason()), ts(o.nextPollAt()),
                        ts(o.lastPolledAt()), ts(o.lastEventAt()), ts(o.expectedDelivery()), o.polls(), o.polledBy(),
                        ts(o.movedAt()), ts(o.finishedAt()), o.trackingCode())
                .update();
    }

    /** How many objects are at each milestone, still polled or not (all instances' objects). */
    Counts countByMilestone() {
        Counts counts = new Counts(new EnumMap<>(Milestone.class), new EnumMap<>(Milestone.class));
        for (Milestone m : Milestone.values()) {
            counts.polled().put(m, 0L);
            counts.stopped().put(m, 0L);
        }
        jdbc.sql("SELECT milestone, active, COUNT(*) FROM tracked_object GROUP BY milestone, active")
                .query((rs, n) -> (rs.getBoolean(2) ? counts.polled() : counts.stopped())
                        .put(Milestone.valueOf(rs.getString(1)), rs.getLong(3)))
                .list();
        return counts;
    }

    /** Objects by milestone: those still polled and those whose polling stopped. */
    record Counts(Map<Milestone, Long> polled, Map<Milestone, Long> stopped) {}

    private static TrackedObject map(ResultSet rs, int row) throws SQLException {
        String stop = rs.getString("stop_reason");
        return new TrackedObject(rs.getString("tracking_code"), rs.getInt("kafka_partition"),
                Milestone.valueOf(rs.getString("milestone")), rs.getBoolean("delivered"), rs.getBoolean("active"),
                stop == null ? null : StopReason.valueOf(stop), Objects.requireNonNull(instant(rs, "registered_at")),
                Objects.requireNonNull(instant(rs, "next_poll_at")), instant(rs, "last_polled_at"), instant(rs, "last_event_at"),
                instant(rs, "expected_delivery"), rs.getInt("polls"), rs.getString("polled_by"), instant(rs, "moved_at"),
                instant(rs, "finished_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }
}
