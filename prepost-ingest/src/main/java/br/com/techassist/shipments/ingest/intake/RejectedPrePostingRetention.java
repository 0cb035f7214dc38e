package br.com.techassist.shipments.ingest.intake;

import br.com.techassist.shipments.support.privacy.PrivacyProperties;
import br.com.techassist.shipments.support.privacy.RowsOlderThan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes rejected pre-postings not listed by Correios for {@code REJECTED_RETENTION}
 * ({@code shipments.privacy.rejected-retention}, default 30 days after {@code last_seen_at}); an item
 * still listed is seen again at every poll and stays.
 */
@Component
class RejectedPrePostingRetention extends RowsOlderThan {

    RejectedPrePostingRetention(JdbcClient jdbc, PrivacyProperties privacy) {
        super(jdbc, "rejected_pre_posting", "rejected_pre_posting", "id", "last_seen_at", privacy.rejectedRetention());
    }
}
