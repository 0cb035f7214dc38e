package br.com.techassist.shipments.support.audit;

import br.com.techassist.shipments.support.web.RequestIds;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads the audit trail. {@link #record} runs in the caller's transaction, so the record
 * exists exactly when the change does; the caller passes before/after with personal data already
 * masked (see {@code Masking}). Who and which request come from the current request.
 */
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that {@code action} changed {@code trackingCode} from {@code before} to {@code after} (both masked). */
    public void record(String action, String trackingCode, @Nullable Map<String, ?> before,
            @Nullable Map<String, ?> after) {
        Instant at = clock.instant();
        String actor = actor();
        String requestId = RequestIds.current();
        String id = requestId != null ? requestId : UUID.randomUUID().toString();
        String beforeJson = before == null ? null : JSON.writeValueAsString(before);
        String afterJson = after == null ? null : JSON.writeValueAsString(after);
        jdbc.sql("INSERT INTO audit_record (occurred_at, actor, action, tracking_code, before_state, after_state,"
                        + " request_id) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(at), actor, action, trackingCode, beforeJson, afterJson, id)
                .update();
        log.info("audit: {} {} by {} (request {}): {} -> {}", action, trackingCode, actor, id, beforeJson, afterJson);
    }

    /** The records of {@code trackingCode}, oldest first. */
    public List<AuditRecord> of(String trackingCode) {
        return jdbc.sql("SELECT occurred_at, actor, action, tracking_code, before_state, after_state, request_id"
                        + " FROM audit_record WHERE tracking_code = ? ORDER BY id")
                .param(trackingCode)
                .query((rs, n) -> new AuditRecord(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), tree(rs.getString(5)), tree(rs.getString(6)), rs.getString(7)))
                .list();
    }

    private static tools.jackson.databind.@Nullable JsonNode tree(@Nullable String json) {
        return json == null ? null : JSON.readTree(json);
    }

    private static String actor() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || !who.isAuthenticated() ? "system" : who.getName();
    }
}
