package br.com.techassist.shipments.notifier.notification;

import br.com.techassist.shipments.model.NotificationKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification} table: the unique (tracking code, kind) key is the two-message rule. */
@Repository
public class Notifications {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Inserts the notification of {@code kind} in {@code state} unless one exists; returns false when
     * it already existed (whatever its state).
     */
    public boolean insertIfAbsent(String trackingCode, NotificationKind kind, NotificationState state, String reason,
            Instant eventAt) {
        if (find(trackingCode, kind).isPresent()) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("""
                    INSERT INTO notification (id, tracking_code, kind, state, reason, next_attempt_at, attempts, event_at,
                      created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""")
                    .params(Notification.idFor(trackingCode, kind), trackingCode, kind.name(), state.name(), reason, now,
                            eventAt == null ? null : Timestamp.from(eventAt), now, now)
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    public Optional<Notification> find(String trackingCode, NotificationKind kind) {
        return findById(Notification.idFor(trackingCode, kind));
    }

    public Optional<Notification> findById(String id) {
        return jdbc.sql("SELECT * FROM notification WHERE id = ?").param(id).query(Notifications::map).optional();
    }

    /** The row, locked until the transaction ends. */
    public Optional<Notification> lock(String id) {
        return jdbc.sql("SELECT * FROM notification WHERE id = ? FOR UPDATE").param(id).query(Notifications::map).optional();
    }

    /** The rows with these ids, locked until the transaction ends (in id order, so lockers take turns). */
    public List<Notification> lockAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM notification WHERE id IN (:ids) ORDER BY id FOR UPDATE")
                .param("ids", List.copyOf(ids))
                .query(Notifications::map)
                .list();
    }

    /** Every notification of these parcels (not locked). */
    public List<Notification> ofParcels(Collection<String> trackingCodes) {
        if (trackingCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM notification WHERE tracking_code IN (:codes)")
                .param("codes", List.copyOf(trackingCodes))
                .query(Notifications::map)
                .list();
    }

    /** The notification the provider knows by this message id (a list, not a stream: a stream would hold its connection open). */
    public Optional<Notification> findByProviderMessageId(String providerMessageId) {
        return jdbc.sql("SELECT * FROM notification WHERE provider_message_id = ? LIMIT 1")
                .param(providerMessageId)
                .query(Notifications::map)
                .optional();
    }

    /** PENDING rows due at {@code now} whose parcel's contact is known, oldest first (not locked). */
    public List<Notification> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT n.* FROM notification n JOIN parcel p ON p.tracking_code = n.tracking_code
                WHERE n.state = 'PENDING' AND n.next_attempt_at <= ? AND p.contact_status IS NOT NULL
                ORDER BY n.next_attempt_at LIMIT ?""")
                .params(Timestamp.from(now), limit)
                .query(Notifications::map)
                .list();
    }

    /** Ids of rows claimed before {@code before} and still without an answer. */
    public List<String> claimedBefore(Instant before) {
        return jdbc.sql("SELECT id FROM notification WHERE state = 'SENDING' AND updated_at < ?")
                .param(Timestamp.from(before))
                .query(String.class)
                .list();
    }

    /** True when another message of this parcel is being sent right now. */
    public boolean sendingFor(String trackingCode) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE tracking_code = ? AND state = 'SENDING'")
                .param(trackingCode)
                .query(Integer.class)
                .single() > 0;
    }

    public long count(NotificationState state) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE state = ?")
                .param(state.name())
                .query(Long.class)
                .single();
    }

    /** The PENDING notifications of a parcel. */
    public List<Notification> pendingFor(String trackingCode) {
        return jdbc.sql("SELECT * FROM notification WHERE tracking_code = ? AND state = 'PENDING'")
                .param(trackingCode)
                .query(Notifications::map)
                .list();
    }

    /** Moves a row to a final or waiting state. */
    public void transition(String id, NotificationState state, String reason, String errorCode) {
        jdbc.sql("UPDATE notification SET state = ?, reason = ?, error_code = COALESCE(?, error_code), updated_at = ? WHERE id = ?")
                .params(state.name(), reason, errorCode, now(), id)
                .update();
    }

    public void reschedule(String id, Instant at, String reason) {
        jdbc.sql("UPDATE notification SET next_attempt_at = ?, reason = ?, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(at), reason, now(), id)
                .update();
    }

    /** The claim: PENDING → SENDING, counting the attempt. Returns false when another instance got there first. */
    public boolean claim(String id, String provider, String recipient, String claimedBy) {
        return jdbc.sql("""
                UPDATE notification SET state = 'SENDING', attempts = attempts + 1, provider = ?, recipient = ?,
                  claimed_by = ?, updated_at = ?, claimed_at = ? WHERE id = ? AND state = 'PENDING'""")
                .params(provider, recipient, claimedBy, now(), now(), id)
                .update() == 1;
    }

    /**
     * The claim of a batch, in one statement: PENDING → SENDING for every id, each with its recipient
     * ({@code recipients}: id → number). Returns how many rows were claimed.
     */
    public int claimAll(Map<String, String> recipients, Map<String, String> digests, String provider, String claimedBy) {
        if (recipients.isEmpty()) {
            return 0;
        }
        StringBuilder cases = new StringBuilder();
        StringBuilder digestCases = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, String> e : recipients.entrySet()) {
            cases.append(" WHEN :id").append(i).append(" THEN :to").append(i);
            digestCases.append(" WHEN :id").append(i).append(" THEN :d").append(i);
            params.put("id" + i, e.getKey());
            params.put("to" + i, e.getValue());
            params.put("d" + i, digests.get(e.getKey()));
            i++;
        }
        params.put("ids", List.copyOf(recipients.keySet()));
        params.put("provider", provider);
        params.put("claimedBy", claimedBy);
        params.put("now", now());
        return jdbc.sql("UPDATE notification SET state = 'SENDING', attempts = attempts + 1, provider = :provider,"
                        + " recipient = CASE id" + cases + " END, message_digest = CASE id" + digestCases + " END,"
                        + " claimed_by = :claimedBy, updated_at = :now, claimed_at = :now"
                        + " WHERE id IN (:ids) AND state = 'PENDING'")
                .params(params)
                .update();
    }

    /**
     * Gives back claims that were never handed to the provider (the service is stopping, or sending
     * was halted): SENDING → PENDING, the attempt not counted. Returns how many rows were released.
     */
    public int release(Collection<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                UPDATE notification SET state = 'PENDING', attempts = attempts - 1, updated_at = :now
                WHERE id IN (:ids) AND state = 'SENDING'""")
                .param("now", now())
                .param("ids", List.copyOf(ids))
                .update();
    }

    /**
     * {@link #markSent} for many rows in one statement; {@code accepted}: id → the provider's message
     * id and the recipient's WhatsApp id (either may be null: the stored value is kept). A row whose
     * recipient was erased meanwhile stores no WhatsApp id.
     */
    public void markAllSent(Map<String, Sent> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        StringBuilder messageIds = new StringBuilder();
        StringBuilder waIds = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, Sent> e : accepted.entrySet()) {
            messageIds.append(" WHEN :id").append(i).append(" THEN :m").append(i);
            waIds.append(" WHEN :id").append(i).append(" THEN :w").append(i);
            params.put("id" + i, e.getKey());
            params.put("m" + i, e.getValue().providerMessageId());
            params.put("w" + i, e.getValue().waId());
            i++;
        }
        params.put("ids", List.copyOf(accepted.keySet()));
        params.put("now", now());
        jdbc.sql("UPDATE notification SET state = 'SENT', reason = NULL,"
                        + " provider_message_id = COALESCE(CASE id" + messageIds + " END, provider_message_id),"
                        + " wa_id = CASE WHEN recipient IS NULL THEN NULL ELSE COALESCE(CASE id" + waIds + " END, wa_id) END,"
                        + " updated_at = :now WHERE id IN (:ids)")
                .params(params)
                .update();
    }

    /** What the provider reported for an accepted message. */
    public record Sent(String providerMessageId, String waId) {}

    /** SENT with the provider's message id and the recipient's WhatsApp id (not stored once the recipient was erased). */
    public void markSent(String id, String providerMessageId, String waId) {
        jdbc.sql("""
                UPDATE notification SET state = 'SENT', reason = NULL, provider_message_id = COALESCE(?, provider_message_id),
                  wa_id = CASE WHEN recipient IS NULL THEN NULL ELSE COALESCE(?, wa_id) END, updated_at = ? WHERE id = ?""")
                .params(providerMessageId, waId, now(), id)
                .update();
    }

    /** Back to PENDING for another attempt at {@code at}; {@code countAttempt} false gives the attempt back. */
    public void retryAt(String id, Instant at, String reason, String errorCode, boolean countAttempt) {
        jdbc.sql("""
                UPDATE notification SET state = 'PENDING', next_attempt_at = ?, reason = ?, error_code = ?,
                  attempts = attempts - ?, updated_at = ? WHERE id = ?""")
                .params(Timestamp.from(at), reason, errorCode, countAttempt ? 0 : 1, now(), id)
                .update();
    }

    public void recordDelivery(String id, String deliveryStatus, String providerMessageId, String errorCode) {
        jdbc.sql("""
                UPDATE notification SET delivery_status = ?, provider_message_id = COALESCE(provider_message_id, ?),
                  error_code = COALESCE(?, error_code), updated_at = ? WHERE id = ?""")
                .params(deliveryStatus, providerMessageId, errorCode, now(), id)
                .update();
    }

    /** SENDING → UNCERTAIN, its reconciliation first due at {@code reconcileAt}. */
    public void markUncertain(String id, String reason, Instant reconcileAt) {
        jdbc.sql("UPDATE notification SET state = 'UNCERTAIN', reason = ?, reconcile_next_at = ?, updated_at = ? WHERE id = ?")
                .params(reason, Timestamp.from(reconcileAt), now(), id)
                .update();
    }

    /** UNCERTAIN rows whose reconciliation is due at {@code now}, oldest first (not locked). */
    public List<Notification> uncertainDue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT * FROM notification WHERE state = 'UNCERTAIN' AND reconcile_next_at <= ?
                ORDER BY reconcile_next_at LIMIT ?""")
                .params(Timestamp.from(now), limit)
                .query(Notifications::map)
                .list();
    }

    /**
     * The next reconciliation check of an UNCERTAIN row ({@code at} null: no more automatic checks)
     * with the checks counted so far; false when the row is no longer UNCERTAIN.
     */
    public boolean scheduleReconcile(String id, Instant at, int checks) {
        return jdbc.sql("""
                UPDATE notification SET reconcile_next_at = ?, reconcile_checks = ?, updated_at = ?
                WHERE id = ? AND state = 'UNCERTAIN'""")
                .params(at == null ? null : Timestamp.from(at), checks, now(), id)
                .update() == 1;
    }

    /**
     * Reconciliation proved an UNCERTAIN send did not go out: PENDING again, due now, for a resend;
     * false when it is no longer UNCERTAIN or was resent {@code maxResends} times already.
     */
    public boolean reopenForResend(String id, String reason, int maxResends) {
        return jdbc.sql("""
                UPDATE notification SET state = 'PENDING', reason = ?, next_attempt_at = ?, reconcile_resends = reconcile_resends + 1,
                  reconcile_checks = 0, reconcile_next_at = NULL, updated_at = ?
                WHERE id = ? AND state = 'UNCERTAIN' AND reconcile_resends < ?""")
                .params(reason, now(), now(), id, maxResends)
                .update() == 1;
    }

    /**
     * Sends to any of {@code recipients} whose outcome is not settled although they may have gone
     * out: UNCERTAIN, or PENDING after an attempt (waiting for a retry or a resend).
     */
    public List<Notification> unsettledFor(Collection<String> recipients) {
        if (recipients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM notification WHERE recipient IN (:recipients)
                  AND (state = 'UNCERTAIN' OR state = 'PENDING' AND attempts > 0)""")
                .param("recipients", List.copyOf(recipients))
                .query(Notifications::map)
                .list();
    }

    /**
     * Erases the personal data of a row (LGPD): the recipient, the WhatsApp id and the digest of the
     * text (it holds the name). State, timestamps and the provider message id stay. Returns false when
     * there was nothing to erase.
     */
    public boolean erasePersonalData(String id) {
        return jdbc.sql("""
                UPDATE notification SET recipient = NULL, wa_id = NULL, message_digest = NULL
                WHERE id = ? AND (recipient IS NOT NULL OR wa_id IS NOT NULL OR message_digest IS NOT NULL)""")
                .param(id)
                .update() == 1;
    }

    /**
     * A message not sent, or whose send is not settled, that can no longer be sent or reconciled
     * because its parcel's personal data was erased: PENDING or UNCERTAIN → SUPPRESSED {@code erased},
     * no more reconciliation. Returns false when the row is in neither state.
     */
    public boolean suppressErased(String id) {
        return jdbc.sql("""
                UPDATE notification SET state = 'SUPPRESSED', reason = ?, reconcile_next_at = NULL, updated_at = ?
                WHERE id = ? AND state IN ('PENDING', 'UNCERTAIN')""")
                .params(Notification.ERASED, now(), id)
                .update() == 1;
    }

    /** Remembers that a status webhook reported on this message now. */
    public void statusReceived(String id) {
        jdbc.sql("UPDATE notification SET status_received_at = ? WHERE id = ?").params(now(), id).update();
    }

    /**
     * Whether a status webhook came, after {@code since}, for another message of {@code provider}
     * that was claimed after {@code since}: proof that webhooks reach us for messages sent after it.
     */
    public boolean statusesArrivedForLaterSends(String id, String provider, Instant since) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM notification WHERE id <> ? AND provider = ? AND claimed_at > ?
                  AND status_received_at > ?""")
                .params(id, provider, Timestamp.from(since), Timestamp.from(since))
                .query(Long.class)
                .single() > 0;
    }

    /**
     * Messages of {@code provider} accepted (SENT with a provider message id, recipient not erased) and claimed between
     * {@code from} and {@code to}, newest first: the controls that show whether a provider's store
     * keeps what was sent in a period.
     */
    public List<Notification> acceptedBetween(String provider, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                SELECT * FROM notification WHERE provider = ? AND state = 'SENT' AND provider_message_id IS NOT NULL
                  AND recipient IS NOT NULL AND claimed_at BETWEEN ? AND ? ORDER BY claimed_at DESC LIMIT ?""")
                .params(provider, Timestamp.from(from), Timestamp.from(to), limit)
                .query(Notifications::map)
                .list();
    }

    /**
     * Makes a message due again now (PENDING, next attempt now, reconciliation reset) from FAILED,
     * SUPPRESSED or UNCERTAIN: an operator's "not sent", or a contact correction. False when the row is
     * in none of these states (a SENT message is never reopened).
     */
    public boolean reopen(String id, String reason) {
        return jdbc.sql("""
                UPDATE notification SET state = 'PENDING', reason = ?, next_attempt_at = ?, reconcile_next_at = NULL,
                  reconcile_checks = 0, updated_at = ? WHERE id = ? AND state IN ('FAILED', 'SUPPRESSED', 'UNCERTAIN')""")
                .params(reason, now(), now(), id)
                .update() == 1;
    }

    /** What an operator looks for: every field optional; {@code reason} matches the reason's start or the error code. */
    public record Filter(NotificationState state, NotificationKind kind, String reason, Instant since, Instant until) {

        private String where(Map<String, Object> params) {
            StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
            if (state != null) {
                sql.append(" AND state = :state");
                params.put("state", state.name());
            }
            if (kind != null) {
                sql.append(" AND kind = :kind");
                params.put("kind", kind.name());
            }
            if (reason != null && !reason.isBlank()) {
                sql.append(" AND (reason LIKE :reasonPrefix OR error_code = :reason)");
                params.put("reasonPrefix", reason.replace("%", "") + "%");
                params.put("reason", reason);
            }
            if (since != null) {
                sql.append(" AND updated_at >= :since");
                params.put("since", Timestamp.from(since));
            }
            if (until != null) {
                sql.append(" AND updated_at < :until");
                params.put("until", Timestamp.from(until));
            }
            return sql.toString();
        }
    }

    /** A page of the notifications matching {@code filter}, most recently changed first. */
    public List<Notification> search(Filter filter, int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = filter.where(params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("SELECT * FROM notification" + where + " ORDER BY updated_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params)
                .query(Notifications::map)
                .list();
    }

    /** How many notifications match {@code filter}, by state and reason (reason up to its first colon). */
    public List<Count> counts(Filter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = filter.where(params);
        List<Count> rows = jdbc.sql("SELECT state, reason, error_code, COUNT(*) AS n FROM notification" + where
                        + " GROUP BY state, reason, error_code")
                .params(params)
                .query((rs, row) -> new Count(rs.getString("state"), shortReason(rs.getString("reason"), rs.getString("error_code")),
                        rs.getLong("n")))
                .list();
        Map<List<String>, Long> merged = new LinkedHashMap<>();
        rows.forEach(c -> merged.merge(List.of(c.state(), c.reason()), c.count(), Long::sum));
        return merged.entrySet().stream()
                .map(e -> new Count(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .sorted(Comparator.comparingLong(Count::count).reversed())
                .toList();
    }

    /** Notifications per state and reason. */
    public record Count(String state, String reason, long count) {}

    private static String shortReason(String reason, String errorCode) {
        if (errorCode != null && !errorCode.isBlank()) {
            return errorCode;
        }
        if (reason == null) {
            return "";
        }
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Notification map(ResultSet rs, int row) throws SQLException {
        return new Notification(
                rs.getString("id"),
                rs.getString("tracking_code"),
                NotificationKind.valueOf(rs.getString("kind")),
                NotificationState.valueOf(rs.getString("state")),
                rs.getString("reason"),
                instant(rs, "next_attempt_at"),
                rs.getInt("attempts"),
                rs.getString("provider"),
                rs.getString("recipient"),
                rs.getString("provider_message_id"),
                rs.getString("wa_id"),
                rs.getString("delivery_status"),
                rs.getString("error_code"),
                instant(rs, "event_at"),
                instant(rs, "updated_at"),
                instant(rs, "claimed_at"),
                instant(rs, "status_received_at"),
                rs.getInt("reconcile_checks"),
                instant(rs, "reconcile_next_at"),
                rs.getInt("reconcile_resends"),
                rs.getString("message_digest"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
