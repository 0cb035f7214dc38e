package br.com.techassist.shipments.support.privacy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The usual {@link RetentionTask}: deletes the rows of one table whose time column is older than a
 * retention, at most {@code limit} per statement, lowest key first. The keys come from a derived
 * table ({@code IN (SELECT … FROM (SELECT … LIMIT n) expired)}), the form of a bounded delete that
 * MySQL, MariaDB (which refuse {@code LIMIT} directly in an {@code IN} subquery) and H2 all accept.
 * Table and column names are the caller's constants, never input.
 */
public class RowsOlderThan implements RetentionTask {

    private final JdbcClient jdbc;
    private final String name;
    private final Duration retention;
    private final String delete;

    /**
     * @param name the task's name for logs and metrics
     * @param table the table
     * @param key its primary key column
     * @param time the column whose age counts
     * @param retention how old a row may get
     */
    public RowsOlderThan(JdbcClient jdbc, String name, String table, String key, String time, Duration retention) {
        this.jdbc = jdbc;
        this.name = name;
        this.retention = retention;
        this.delete = "DELETE FROM " + table + " WHERE " + key + " IN (SELECT " + key + " FROM (SELECT " + key + " FROM "
                + table + " WHERE " + time + " < ? ORDER BY " + key + " LIMIT ?) expired)";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int purge(Instant now, int limit) {
        return jdbc.sql(delete).params(Timestamp.from(now.minus(retention)), limit).update();
    }
}
