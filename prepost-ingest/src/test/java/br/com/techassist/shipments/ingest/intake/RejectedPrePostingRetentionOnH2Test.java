package br.com.techassist.shipments.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.ingest.H2Schema;
import br.com.techassist.shipments.support.privacy.PrivacyProperties;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The retention of rejected pre-postings on H2 in MySQL mode, as the standalone app runs it. */
class RejectedPrePostingRetentionOnH2Test {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void rowsNotSeenForTheRetentionAreDeletedInBatches() throws Exception {
        JdbcClient jdbc = JdbcClient.create(H2Schema.migrated());
        for (int i = 0; i < 5; i++) {
            insert(jdbc, "old-" + i, NOW.minus(Duration.ofDays(31)));
        }
        insert(jdbc, "recent", NOW.minus(Duration.ofDays(29)));
        var task = new RejectedPrePostingRetention(jdbc, new PrivacyProperties(Duration.ofDays(90), Duration.ofDays(365),
                Duration.ofDays(30), Duration.ofHours(1), 500, null));

        assertThat(task.purge(NOW, 2)).isEqualTo(2);
        assertThat(task.purge(NOW, 2)).isEqualTo(2);
        assertThat(task.purge(NOW, 2)).isEqualTo(1);
        assertThat(task.purge(NOW, 2)).isZero();
        assertThat(jdbc.sql("SELECT reject_key FROM rejected_pre_posting").query(String.class).list())
                .containsExactly("recent");
    }

    private static void insert(JdbcClient jdbc, String key, Instant lastSeen) {
        jdbc.sql("""
                INSERT INTO rejected_pre_posting (reject_key, reason, detail, raw_item, first_seen_at, last_seen_at,
                    times_seen) VALUES (?, 'NO_RECIPIENT', 'destinatario is missing', '{}', ?, ?, 1)""")
                .params(key, Timestamp.from(lastSeen), Timestamp.from(lastSeen))
                .update();
    }
}
