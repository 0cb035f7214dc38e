package br.com.techassist.shipments.phone.contact;

import br.com.techassist.shipments.model.ContactValidated.PhoneType;
import br.com.techassist.shipments.phonenumbers.NormalizedPhone.Verdict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code contact} table: one row per parcel, PENDING rows are the queue of provider checks. */
@Repository
class Contacts {

    private static final String COLUMNS = """
            tracking_code, typed_input, e164, phone_type, candidates, typed_id, status, whatsapp_id,
            fresh_check, revision, attempts, last_error""";
    private static final String SELECTED = COLUMNS + ", erased_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Contacts(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batch = jdbc;
    }

    Optional<Contact> find(String trackingCode) {
        return jdbc.sql("SELECT " + SELECTED + " FROM contact WHERE tracking_code = ?")
                .param(trackingCode)
                .query(Contacts::map)
                .optional();
    }

    /** Which of {@code trackingCodes} have a contact already, in one query. */
    Set<String> existing(Collection<String> trackingCodes) {
        if (trackingCodes.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(jdbc.sql("SELECT tracking_code FROM contact WHERE tracking_code IN (:codes)")
                .param("codes", List.copyOf(trackingCodes))
                .query(String.class)
                .list());
    }

    void insert(Contact c, Instant now) {
        insertAll(List.of(c), now);
    }

    /** Inserts new contacts in one JDBC batch. */
    void insertAll(List<Contact> fresh, Instant now) {
        if (fresh.isEmpty()) {
            return;
        }
        batch.batchUpdate("INSERT INTO contact (" + COLUMNS + ", next_check_at, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                fresh.stream().map(c -> new Object[] {c.trackingCode(), truncate(c.input(), 100), c.e164(),
                        c.phoneType().name(), join(c.candidates()), c.typedId(), c.status(), c.whatsappId(),
                        c.freshCheck(), c.revision(), c.attempts(), c.lastError(), ts(now), ts(now), ts(now)}).toList());
    }

    /** Replaces the phone of an existing contact (an operator's correction); the contact is PENDING again. */
    void replacePhone(Contact c, Instant now) {
        jdbc.sql("""
                UPDATE contact SET typed_input = ?, e164 = ?, phone_type = ?, candidates = ?, typed_id = ?, status = ?,
                       whatsapp_id = NULL, fresh_check = ?, revision = ?, attempts = 0, last_error = NULL,
                       next_check_at = ?, claimed_until = NULL, updated_at = ?
                 WHERE tracking_code = ?""")
                .params(truncate(c.input(), 100), c.e164(), c.phoneType().name(), join(c.candidates()), c.typedId(), c.status(),
                        c.freshCheck(), c.revision(), ts(now), ts(now), c.trackingCode())
                .update();
    }

    /**
     * Records the outcomes in one JDBC batch, each unless its contact changed since it was read.
     *
     * @return per outcome, in order: true when recorded, false when the contact changed meanwhile (its answer is stale)
     */
    boolean[] settleAll(List<Outcome> outcomes, Instant now) {
        if (outcomes.isEmpty()) {
            return new boolean[0];
        }
        int[] counts = batch.batchUpdate("""
                UPDATE contact SET status = ?, whatsapp_id = ?, event_id = ?, next_check_at = NULL, claimed_until = NULL,
                       last_error = NULL, revision = revision + 1, updated_at = ?
                 WHERE tracking_code = ? AND revision = ?""",
                outcomes.stream().map(o -> new Object[] {o.status(), o.whatsappId(), o.eventId(), ts(now),
                        o.contact().trackingCode(), o.contact().revision()}).toList());
        boolean[] recorded = new boolean[outcomes.size()];
        for (int i = 0; i < counts.length; i++) {
            recorded[i] = counts[i] == 1;
        }
        return recorded;
    }

    /** Failed checks: each contact is tried again at its {@code nextCheckAt}, in one JDBC batch. */
    void postponeAll(List<Contact> failed, Function<Contact, Instant> nextCheckAt, String error, Instant now) {
        if (failed.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                UPDATE contact SET attempts = attempts + 1, next_check_at = ?, claimed_until = NULL, last_error = ?,
                       updated_at = ?
                 WHERE tracking_code = ? AND revision = ?""",
                failed.stream().map(c -> new Object[] {ts(nextCheckAt.apply(c)), truncate(error, 500), ts(now),
                        c.trackingCode(), c.revision()}).toList());
    }

    /**
     * Takes up to {@code limit} PENDING contacts that are due and not being checked by another replica,
     * leasing them until {@code leaseUntil}: one UPDATE stamps them with a token of this claim (atomic,
     * so two replicas never take the same contact), one SELECT reads them back.
     */
    List<Contact> claimDue(Instant now, int limit, Instant leaseUntil) {
        String token = UUID.randomUUID().toString();
        int claimed = jdbc.sql("""
                UPDATE contact SET claimed_until = ?, claim_token = ?
                 WHERE status = 'PENDING' AND next_check_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
                 ORDER BY next_check_at LIMIT ?""")
                .params(ts(leaseUntil), token, ts(now), ts(now), limit)
                .update();
        if (claimed == 0) {
            return List.of();
        }
        return jdbc.sql("SELECT " + SELECTED + " FROM contact WHERE claim_token = ? AND status = 'PENDING'"
                        + " ORDER BY next_check_at, tracking_code")
                .param(token)
                .query(Contacts::map)
                .list();
    }

    /** Gives claimed contacts back untouched (they did not fit this batch), in one JDBC batch. */
    void releaseAll(List<Contact> unchecked) {
        if (unchecked.isEmpty()) {
            return;
        }
        batch.batchUpdate("UPDATE contact SET claimed_until = NULL WHERE tracking_code = ? AND revision = ?",
                unchecked.stream().map(c -> new Object[] {c.trackingCode(), c.revision()}).toList());
    }

    /**
     * The contact's number (E.164 digits, null when it has none) and whether it is erased already,
     * the row locked until the end of the transaction; empty when the parcel has no contact (yet).
     */
    Optional<Held> lockForErasure(String trackingCode) {
        return jdbc.sql("SELECT e164, erased_at FROM contact WHERE tracking_code = ? FOR UPDATE")
                .param(trackingCode)
                .query((rs, n) -> new Held(digits(rs.getString(1)), rs.getTimestamp(2) != null))
                .optional();
    }

    /**
     * Erases the contact's personal data: every column that held the phone, its readings, the WhatsApp
     * id or a provider error about it is nulled; status (a PENDING one becomes {@link Contact#ERASED}),
     * attempts and timestamps stay. A pending check is stopped (not due, claim cleared) and the revision
     * moves on, so an answer of a check in flight is dropped ({@link #settleAll}). Returns 0 when it
     * was erased already.
     */
    int erase(String trackingCode, Instant now) {
        return jdbc.sql("""
                UPDATE contact SET typed_input = NULL, e164 = NULL, candidates = NULL, typed_id = NULL, whatsapp_id = NULL,
                       last_error = NULL, status = CASE WHEN status = 'PENDING' THEN 'ERASED' ELSE status END,
                       fresh_check = FALSE, next_check_at = NULL, claimed_until = NULL, claim_token = NULL,
                       revision = revision + 1, erased_at = ?, updated_at = ?
                 WHERE tracking_code = ? AND erased_at IS NULL""")
                .params(ts(now), ts(now), trackingCode)
                .update();
    }

    /**
     * Remembers the erasure of a parcel whose registration has not arrived yet: an empty contact,
     * status {@link Contact#ERASED}, so the registration, when it comes, is taken for a repeat and its
     * phone is never stored. False when the parcel has a contact already.
     */
    boolean insertErased(String trackingCode, Instant now) {
        return jdbc.sql("""
                INSERT IGNORE INTO contact (tracking_code, phone_type, status, erased_at, created_at, updated_at)
                VALUES (?, 'UNKNOWN', 'ERASED', ?, ?, ?)""")
                .params(trackingCode, ts(now), ts(now), ts(now))
                .update() == 1;
    }

    /** When the oldest contact that still holds a phone was stored. */
    Optional<Instant> oldestHeld() {
        return jdbc.sql("SELECT MIN(created_at) FROM contact WHERE erased_at IS NULL AND typed_input IS NOT NULL")
                .query((rs, n) -> Optional.ofNullable(instant(rs.getTimestamp(1))))
                .single();
    }

    long countPending() {
        return jdbc.sql("SELECT COUNT(*) FROM contact WHERE status = 'PENDING'").query(Long.class).single();
    }

    private static Contact map(ResultSet rs, int row) throws SQLException {
        String candidates = rs.getString("candidates");
        String e164 = rs.getString("e164");
        String input = rs.getString("typed_input");
        Verdict verdict = e164 != null ? Verdict.USABLE : input == null || input.isBlank() ? Verdict.MISSING : Verdict.INVALID;
        return new Contact(rs.getString("tracking_code"), verdict, input, e164,
                PhoneType.valueOf(rs.getString("phone_type")),
                candidates == null || candidates.isBlank() ? List.of() : Arrays.asList(candidates.split(",")),
                rs.getString("typed_id"), rs.getString("status"), rs.getString("whatsapp_id"),
                rs.getBoolean("fresh_check"), rs.getInt("revision"), rs.getInt("attempts"), rs.getString("last_error"),
                instant(rs.getTimestamp("erased_at")));
    }

    private static String join(List<String> candidates) {
        return candidates.isEmpty() ? null : String.join(",", candidates);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String digits(String e164) {
        return e164 == null ? null : e164.substring(1);
    }

    /** What an erasure finds: the contact's number (E.164 digits, or null) and whether it is erased already. */
    record Held(String e164Digits, boolean erased) {}

    /** What a settled contact became: its status, WhatsApp id and the id of the event announcing it. */
    record Outcome(Contact contact, String status, String whatsappId, String eventId) {}
}
