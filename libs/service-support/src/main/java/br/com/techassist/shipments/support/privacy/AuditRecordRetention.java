package br.com.techassist.shipments.support.privacy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes audit records ({@code audit_record}, see {@code AuditTrail}) older than
 * {@code AUDIT_RETENTION}, oldest first, at most {@code limit} per statement. The ids come from a
 * derived table, the form of a bounded delete that MySQL, MariaDB and H2 all accept.
 */
final class AuditRecordRetention implements RetentionTask {

    private final JdbcClient jdbc;
    private final Duration retention;

    AuditRecordRetention(JdbcClient jdbc, Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    @Override
    public String name() {
        return "audit_record";
    }

    @Override
    public int purge(Instant now, int limit) {
        return jdbc.sql("DELETE FROM audit_record WHERE id IN (SELECT id FROM (SELECT id FROM audit_record"
                        + " WHERE occurred_at < ? ORDER BY id LIMIT ?) expired)")
                .params(Timestamp.from(now.minus(retention)), limit)
                .update();
    }
}
