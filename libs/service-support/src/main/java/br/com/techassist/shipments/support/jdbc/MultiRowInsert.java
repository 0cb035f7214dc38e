package br.com.techassist.shipments.support.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One {@code INSERT … VALUES (…), (…)} statement for many rows, the way every service writes a
 * batch (outbox events, registrations, tracked objects, parcels): one round trip instead of one per row.
 */
public final class MultiRowInsert {

    private MultiRowInsert() {}

    /**
     * Runs {@code insertInto} (e.g. {@code "INSERT IGNORE INTO parcel (a, b)"}) with one
     * {@code VALUES} tuple per row; every row has as many values as the first (nulls allowed).
     *
     * @return the update count (rows an {@code INSERT IGNORE} skipped are not counted); 0 for no rows
     */
    public static int run(JdbcClient jdbc, String insertInto, List<? extends List<?>> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        int width = rows.getFirst().size();
        String tuple = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        List<Object> params = new ArrayList<>(rows.size() * width);
        for (List<?> row : rows) {
            if (row.size() != width) {
                throw new IllegalArgumentException("row of " + row.size() + " values, expected " + width);
            }
            params.addAll(row);
        }
        return jdbc.sql(insertInto + " VALUES " + String.join(", ", Collections.nCopies(rows.size(), tuple)))
                .params(params)
                .update();
    }
}
