package br.com.techassist.shipments.ingest.intake;

import br.com.techassist.shipments.support.privacy.PrivacyProperties;
import br.com.techassist.shipments.support.privacy.RetentionTask;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes rejected pre-postings not listed by Correios for {@code REJECTED_RETENTION}
 * ({@code shipments.privacy.rejected-retention}, default 30 days after {@code last_seen_at}); an item
 * still listed is seen again at every poll and stays. The ids are selected first and deleted by id
 * (MariaDB refuses {@code LIMIT} in an {@code IN} subquery), oldest first.
 */
@Component
class RejectedPrePostingRetention implements RetentionTask {

    private final JdbcClient jdbc;
    private final PrivacyProperties privacy;

    RejectedPrePostingRetention(JdbcClient jdbc, PrivacyProperties privacy) {
        this.jdbc = jdbc;
        this.privacy = privacy;
    }

    @Override
    public String name() {
        return "rejected_pre_posting";
    }

    @Override
    @Transactional
    public int purge(Instant now, int limit) {
        List<Long> ids = jdbc.sql("SELECT id FROM rejected_pre_posting WHERE last_seen_at < ? ORDER BY id LIMIT ?")
                .params(Timestamp.from(now.minus(privacy.rejectedRetention())), limit)
                .query(Long.class)
                .list();
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM rejected_pre_posting WHERE id IN (:ids)").param("ids", ids).update();
    }
}
