package br.com.techassist.shipments.phone.contact;

import br.com.techassist.shipments.phone.PhoneValidatorProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provider answers by normalised number ({@code whatsapp_lookup}), reused for
 * {@code phone.cache-ttl} so a customer with many parcels is checked once. Only real answers are
 * stored: a failed check leaves no trace here.
 */
@Repository
class LookupCache {

    private static final String UPDATE =
            "UPDATE whatsapp_lookup SET whatsapp_id = ?, provider = ?, checked_at = ?, expires_at = ? WHERE e164 = ?";
    private static final String INSERT =
            "INSERT INTO whatsapp_lookup (e164, whatsapp_id, provider, checked_at, expires_at) VALUES (?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final PhoneValidatorProperties props;
    private final Counter hits;
    private final Counter misses;

    LookupCache(JdbcTemplate jdbc, PhoneValidatorProperties props, MeterRegistry meters) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batch = jdbc;
        this.props = props;
        this.hits = Counter.builder("phone.cache.lookups").tag("result", "hit")
                .description("Lookups of a number in the provider-answer cache").register(meters);
        this.misses = Counter.builder("phone.cache.lookups").tag("result", "miss")
                .description("Lookups of a number in the provider-answer cache").register(meters);
    }

    /** A provider answer for {@code e164Digits} that has not expired at {@code now}. */
    Optional<Lookup> find(String e164Digits, Instant now) {
        Optional<Lookup> found = peek(e164Digits, now);
        (found.isPresent() ? hits : misses).increment();
        return found;
    }

    /**
     * The unexpired answers for {@code e164Digits} in one query, by number; each number asked for is
     * counted as a hit or a miss as by {@link #find}.
     */
    Map<String, Lookup> findAll(List<String> e164Digits, Instant now) {
        Map<String, Lookup> found = peekAll(new HashSet<>(e164Digits), now);
        e164Digits.forEach(n -> (found.containsKey(n) ? hits : misses).increment());
        return found;
    }

    /** Like {@link #find} but not counted in the hit ratio (a second look by the check worker). */
    Optional<Lookup> peek(String e164Digits, Instant now) {
        return jdbc.sql("SELECT whatsapp_id, provider, checked_at FROM whatsapp_lookup WHERE e164 = ? AND expires_at > ?")
                .params(e164Digits, Timestamp.from(now))
                .query((rs, n) -> new Lookup(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    /**
     * The unexpired answers for {@code e164Digits} in one query, by number (numbers not known are
     * absent); not counted in the hit ratio (a second look by the check worker).
     */
    Map<String, Lookup> peekAll(Collection<String> e164Digits, Instant now) {
        if (e164Digits.isEmpty()) {
            return Map.of();
        }
        Map<String, Lookup> found = new HashMap<>();
        jdbc.sql("SELECT e164, whatsapp_id, provider, checked_at FROM whatsapp_lookup WHERE e164 IN (:numbers)"
                        + " AND expires_at > :now")
                .param("numbers", List.copyOf(e164Digits))
                .param("now", Timestamp.from(now))
                .query(rs -> {
                    found.put(rs.getString(1), new Lookup(rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
                });
        return found;
    }

    /** Stores or refreshes the answer for {@code e164Digits}; {@code whatsappId} null means no account. */
    void store(String e164Digits, String whatsappId, String provider, Instant checkedAt) {
        Timestamp checked = Timestamp.from(checkedAt);
        Timestamp expires = Timestamp.from(checkedAt.plus(props.cacheTtl()));
        int updated = update(e164Digits, whatsappId, provider, checked, expires);
        if (updated == 0) {
            try {
                jdbc.sql(INSERT).params(e164Digits, whatsappId, provider, checked, expires).update();
            } catch (DuplicateKeyException raced) {
                update(e164Digits, whatsappId, provider, checked, expires);
            }
        }
    }

    /**
     * Stores or refreshes the answers of one provider request (number → id, a null id means no
     * account): one batch of updates, one batch of inserts for the numbers not cached yet, in one
     * transaction (one commit, not one per row).
     */
    @Transactional
    public void storeAll(Map<String, String> answers, String provider, Instant checkedAt) {
        if (answers.isEmpty()) {
            return;
        }
        Timestamp checked = Timestamp.from(checkedAt);
        Timestamp expires = Timestamp.from(checkedAt.plus(props.cacheTtl()));
        List<String> numbers = List.copyOf(answers.keySet());
        int[] updated = batch.batchUpdate(UPDATE, numbers.stream()
                .map(n -> new Object[] {answers.get(n), provider, checked, expires, n}).toList());
        List<String> absent = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                absent.add(numbers.get(i));
            }
        }
        if (absent.isEmpty()) {
            return;
        }
        try {
            batch.batchUpdate(INSERT, absent.stream()
                    .map(n -> new Object[] {n, answers.get(n), provider, checked, expires}).toList());
        } catch (DuplicateKeyException raced) { // another replica cached one of them meanwhile: one by one
            absent.forEach(n -> store(n, answers.get(n), provider, checkedAt));
        }
    }

    /**
     * Stores the answers of one provider request (as {@link #storeAll}) of the numbers that one of the
     * contacts that asked ({@code askedBy}, tracking codes) still holds. The contacts are read with a
     * locking read, so a contact erased while the provider was being asked does not bring its number
     * back: the erasure either committed before (its number is left out here) or waits for this
     * transaction (and then deletes the row).
     */
    @Transactional
    public void storeAllHeld(Map<String, String> answers, Collection<String> askedBy, String provider,
            Instant checkedAt) {
        if (answers.isEmpty()) {
            return;
        }
        Set<String> held = new HashSet<>(jdbc.sql("SELECT e164 FROM contact WHERE tracking_code IN (:codes)"
                        + " AND erased_at IS NULL AND e164 IS NOT NULL FOR UPDATE")
                .param("codes", List.copyOf(askedBy))
                .query((rs, n) -> rs.getString(1).substring(1))
                .list());
        Map<String, String> kept = new LinkedHashMap<>();
        answers.forEach((number, id) -> {
            if (held.contains(number)) {
                kept.put(number, id);
            }
        });
        storeAll(kept, provider, checkedAt);
    }

    /** Deletes the answer about {@code e164Digits} (an erasure: the number is the person's); how many rows went. */
    int forget(String e164Digits) {
        return jdbc.sql("DELETE FROM whatsapp_lookup WHERE e164 = ?").param(e164Digits).update();
    }

    /**
     * Deletes up to {@code limit} answers that expired at {@code now}, oldest first: their numbers are
     * selected first, then deleted by key (MariaDB refuses {@code LIMIT} in an {@code IN} subquery).
     * Returns how many were deleted.
     */
    @Transactional
    public int purgeExpired(Instant now, int limit) {
        List<String> expired = jdbc.sql("SELECT e164 FROM whatsapp_lookup WHERE expires_at <= ? ORDER BY expires_at LIMIT ?")
                .params(Timestamp.from(now), limit)
                .query(String.class)
                .list();
        if (expired.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM whatsapp_lookup WHERE e164 IN (:numbers) AND expires_at <= :now")
                .param("numbers", expired)
                .param("now", Timestamp.from(now))
                .update();
    }

    private int update(String e164Digits, String whatsappId, String provider, Timestamp checked, Timestamp expires) {
        return jdbc.sql(UPDATE)
                .params(whatsappId, provider, checked, expires, e164Digits)
                .update();
    }

    /** A cached answer: the account id (null: none), who answered and when. */
    record Lookup(String whatsappId, String provider, Instant checkedAt) {}
}
