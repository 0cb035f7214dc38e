package br.com.techassist.shipments.phone.contact;

import br.com.techassist.shipments.phone.PhoneValidatorProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Provider answers by normalised number ({@code whatsapp_lookup}), reused for
 * {@code phone.cache-ttl} so a customer with many parcels is checked once. Only real answers are
 * stored: a failed check leaves no trace here.
 */
@Repository
class LookupCache {

    private final JdbcClient jdbc;
    private final PhoneValidatorProperties props;
    private final Counter hits;
    private final Counter misses;

    LookupCache(JdbcClient jdbc, PhoneValidatorProperties props, MeterRegistry meters) {
        this.jdbc = jdbc;
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

    /** Like {@link #find} but not counted in the hit ratio (a second look by the check worker). */
    Optional<Lookup> peek(String e164Digits, Instant now) {
        return jdbc.sql("SELECT whatsapp_id, provider, checked_at FROM whatsapp_lookup WHERE e164 = ? AND expires_at > ?")
                .params(e164Digits, Timestamp.from(now))
                .query((rs, n) -> new Lookup(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    /** Stores or refreshes the answer for {@code e164Digits}; {@code whatsappId} null means no account. */
    void store(String e164Digits, String whatsappId, String provider, Instant checkedAt) {
        Timestamp checked = Timestamp.from(checkedAt);
        Timestamp expires = Timestamp.from(checkedAt.plus(props.cacheTtl()));
        int updated = update(e164Digits, whatsappId, provider, checked, expires);
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO whatsapp_lookup (e164, whatsapp_id, provider, checked_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                        .params(e164Digits, whatsappId, provider, checked, expires)
                        .update();
            } catch (DuplicateKeyException raced) {
                update(e164Digits, whatsappId, provider, checked, expires);
            }
        }
    }

    private int update(String e164Digits, String whatsappId, String provider, Timestamp checked, Timestamp expires) {
        return jdbc.sql("UPDATE whatsapp_lookup SET whatsapp_id = ?, provider = ?, checked_at = ?, expires_at = ? WHERE e164 = ?")
                .params(whatsappId, provider, checked, expires, e164Digits)
                .update();
    }

    /** A cached answer: the account id (null: none), who answered and when. */
    record Lookup(String whatsappId, String provider, Instant checkedAt) {}
}
