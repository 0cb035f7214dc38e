package br.com.techassist.shipments.notifier.parcel;

import br.com.techassist.shipments.model.ContactValidated.ContactStatus;
import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.support.jdbc.MultiRowInsert;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code parcel} table. Every read for update locks the row, so writers of one parcel take turns. */
@Repository
public class Parcels {

    /** The columns that hold personal data (LGPD): the recipient's name, the product (free text), the numbers. */
    private static final String HOLDS_PERSONAL_DATA =
            "(recipient_name IS NOT NULL OR product IS NOT NULL OR e164 IS NOT NULL OR whatsapp_id IS NOT NULL)";

    private final JdbcClient jdbc;
    private final Clock clock;

    Parcels(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates the row if missing and returns it locked ({@code FOR UPDATE}) until the transaction ends. */
    Parcel lockOrCreate(String trackingCode) {
        return lockOrCreateAll(List.of(trackingCode)).get(trackingCode);
    }

    /**
     * These rows, the missing ones created first, locked until the transaction ends: one locking
     * read of the existing rows in key order, one multi-row {@code INSERT IGNORE} of the missing ones
     * (a row another consumer created meanwhile is kept as it is), one locking read of those.
     */
    Map<String, Parcel> lockOrCreateAll(Collection<String> trackingCodes) {
        Map<String, Parcel> locked = new HashMap<>(lockAll(new TreeSet<>(trackingCodes)));
        List<String> missing = trackingCodes.stream().filter(c -> !locked.containsKey(c)).distinct().sorted().toList();
        if (!missing.isEmpty()) {
            Timestamp now = Timestamp.from(clock.instant());
            MultiRowInsert.run(jdbc, "INSERT IGNORE INTO parcel (tracking_code, origin_from_posted, created_at, updated_at)",
                    missing.stream().map(code -> List.of(code, false, now, now)).toList());
            locked.putAll(lockAll(missing));
        }
        return locked;
    }

    /** The row, locked until the transaction ends. */
    public Optional<Parcel> lock(String trackingCode) {
        return jdbc.sql("SELECT * FROM parcel WHERE tracking_code = ? FOR UPDATE")
                .param(trackingCode)
                .query(Parcels::map)
                .optional();
    }

    /** These rows by tracking code, locked until the transaction ends (in key order, so lockers take turns). */
    public Map<String, Parcel> lockAll(Collection<String> trackingCodes) {
        if (trackingCodes.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT * FROM parcel WHERE tracking_code IN (:codes) ORDER BY tracking_code FOR UPDATE")
                .param("codes", List.copyOf(trackingCodes))
                .query(Parcels::map)
                .list()
                .stream()
                .collect(Collectors.toMap(Parcel::trackingCode, Function.identity()));
    }

    public Optional<Parcel> find(String trackingCode) {
        return jdbc.sql("SELECT * FROM parcel WHERE tracking_code = ?")
                .param(trackingCode)
                .query(Parcels::map)
                .optional();
    }

    /**
     * Erases the parcel's personal data and remembers when ({@code erased_at}). A parcel not known yet
     * gets its row now, so the events that come later store none (see {@link Parcel#withContact}). The
     * row stays locked until the transaction ends. Returns false when there was nothing to erase.
     */
    public boolean erase(String trackingCode) {
        lockOrCreate(trackingCode);
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("UPDATE parcel SET recipient_name = NULL, product = NULL, e164 = NULL, whatsapp_id = NULL,"
                        + " erased_at = COALESCE(erased_at, ?), updated_at = ?"
                        + " WHERE tracking_code = ? AND (erased_at IS NULL OR " + HOLDS_PERSONAL_DATA + ")")
                .params(now, now, trackingCode)
                .update() == 1;
    }

    /** When the oldest parcel that still holds personal data was first seen; empty when none does. */
    public Optional<Instant> oldestHoldingPersonalData() {
        return jdbc.sql("SELECT created_at FROM parcel WHERE erased_at IS NULL AND " + HOLDS_PERSONAL_DATA
                        + " ORDER BY created_at LIMIT 1")
                .query((rs, row) -> rs.getTimestamp("created_at").toInstant())
                .optional();
    }

    void save(Parcel p) {
        jdbc.sql("""
                UPDATE parcel SET recipient_name = ?, product = ?, contact_status = ?, contact_at = ?, e164 = ?,
                  whatsapp_id = ?, origin_city = ?, origin_state = ?, origin_from_posted = ?, origin_event_at = ?,
                  shipped_event_at = ?, arrival_milestone = ?, arrival_city = ?, arrival_state = ?, pickup_address = ?,
                  arrival_event_at = ?, updated_at = ?
                WHERE tracking_code = ?""")
                .params(p.recipientName(), p.product(), p.contactStatus() == null ? null : p.contactStatus().name(),
                        ts(p.contactAt()), p.e164(), p.whatsappId(), p.originCity(), p.originState(),
                        p.originFromPosted(), ts(p.originEventAt()), ts(p.shippedEventAt()),
                        p.arrivalMilestone() == null ? null : p.arrivalMilestone().name(), p.arrivalCity(),
                        p.arrivalState(), p.pickupAddress(), ts(p.arrivalEventAt()), Timestamp.from(clock.instant()),
                        p.trackingCode())
                .update();
    }

    private static Parcel map(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("contact_status");
        String arrival = rs.getString("arrival_milestone");
        return new Parcel(
                rs.getString("tracking_code"),
                rs.getString("recipient_name"),
                rs.getString("product"),
                status == null ? null : ContactStatus.valueOf(status),
                instant(rs, "contact_at"),
                rs.getString("e164"),
                rs.getString("whatsapp_id"),
                rs.getString("origin_city"),
                rs.getString("origin_state"),
                rs.getBoolean("origin_from_posted"),
                instant(rs, "origin_event_at"),
                instant(rs, "shipped_event_at"),
                arrival == null ? null : Milestone.valueOf(arrival),
                rs.getString("arrival_city"),
                rs.getString("arrival_state"),
                rs.getString("pickup_address"),
                instant(rs, "arrival_event_at"),
                instant(rs, "erased_at"));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
