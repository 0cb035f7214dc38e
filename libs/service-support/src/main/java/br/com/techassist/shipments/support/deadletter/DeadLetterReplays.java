package br.com.techassist.shipments.support.deadletter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Which dead-letter records were replayed ({@code dead_letter_replay}), so a replay is not repeated by mistake. */
public class DeadLetterReplays {

    /** A record of a dead-letter topic. */
    public record Position(String topic, int partition, long offset) {
        @Override
        public String toString() {
            return topic + "/" + partition + "/" + offset;
        }
    }

    private final JdbcClient jdbc;

    public DeadLetterReplays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Those of {@code positions} (all of one topic) that were replayed already. */
    public Set<Position> replayed(String topic, Collection<Position> positions) {
        if (positions.isEmpty()) {
            return Set.of();
        }
        long min = positions.stream().mapToLong(Position::offset).min().orElseThrow();
        long max = positions.stream().mapToLong(Position::offset).max().orElseThrow();
        Set<Position> done = new HashSet<>(jdbc.sql("SELECT dlt_partition, dlt_offset FROM dead_letter_replay"
                        + " WHERE dlt_topic = ? AND dlt_offset BETWEEN ? AND ?")
                .params(topic, min, max)
                .query((rs, n) -> new Position(topic, rs.getInt(1), rs.getLong(2)))
                .list());
        done.retainAll(Set.copyOf(positions));
        return done;
    }

    /**
     * Records the replay of {@code position} in the caller's transaction; one replayed before
     * ({@code again}) counts one more time. Two concurrent first replays of one record collide on the
     * primary key.
     */
    public void record(Position position, boolean again, String originalTopic, String actor, Instant at) {
        if (again) {
            jdbc.sql("UPDATE dead_letter_replay SET times = times + 1, replayed_at = ?, replayed_by = ?"
                            + " WHERE dlt_topic = ? AND dlt_partition = ? AND dlt_offset = ?")
                    .params(Timestamp.from(at), actor, position.topic(), position.partition(), position.offset())
                    .update();
        } else {
            jdbc.sql("INSERT INTO dead_letter_replay (dlt_topic, dlt_partition, dlt_offset, original_topic,"
                            + " replayed_at, replayed_by) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(position.topic(), position.partition(), position.offset(), originalTopic,
                            Timestamp.from(at), actor)
                    .update();
        }
    }

    /** How many records of {@code topic}'s {@code partition} from {@code fromOffset} on were replayed. */
    public long countFrom(String topic, int partition, long fromOffset) {
        return jdbc.sql("SELECT COUNT(*) FROM dead_letter_replay WHERE dlt_topic = ? AND dlt_partition = ?"
                        + " AND dlt_offset >= ?")
                .params(topic, partition, fromOffset)
                .query(Long.class)
                .single();
    }
}
