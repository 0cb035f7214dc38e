package br.com.techassist.shipments.notifier.notification;

import br.com.techassist.shipments.support.privacy.PersonalDataKeys;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Numbers that asked for no more messages, kept as the keyed hash of the number
 * ({@link PersonalDataKeys#phone}), never the number itself: the hash is taken of the number without
 * the Brazilian ninth digit, because the same person may write from a 12-digit WhatsApp id while we
 * hold the 13-digit number, or the other way round. An opt-out outlives the erasure of the parcels
 * it came from: it depends on nothing else.
 */
@Repository
public class OptOuts {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PersonalDataKeys keys;

    public OptOuts(JdbcClient jdbc, Clock clock, PersonalDataKeys keys) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keys = keys;
    }

    /** Records an opt-out; returns false when the number had already opted out. */
    public boolean record(String phone, String keyword) {
        String key = key(phone);
        if (key == null || isOptedOut(phone)) {
            return false;
        }
        try {
            jdbc.sql("INSERT INTO opt_out (phone_key, keyword, created_at) VALUES (?, ?, ?)")
                    .params(key, keyword, Timestamp.from(clock.instant()))
                    .update();
            return true;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    public boolean isOptedOut(String phone) {
        String key = key(phone);
        return key != null
                && jdbc.sql("SELECT COUNT(*) FROM opt_out WHERE phone_key = ?").param(key).query(Integer.class).single() > 0;
    }

    /** Those of {@code phones} that opted out, in one query. */
    public Set<String> optedOut(Collection<String> phones) {
        Map<String, String> keyOf = new HashMap<>();
        for (String phone : phones) {
            String key = key(phone);
            if (key != null) {
                keyOf.put(phone, key);
            }
        }
        List<String> wanted = keyOf.values().stream().distinct().toList();
        if (wanted.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>(jdbc.sql("SELECT phone_key FROM opt_out WHERE phone_key IN (:keys)")
                .param("keys", wanted)
                .query(String.class)
                .list());
        return keyOf.entrySet().stream().filter(e -> out.contains(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /**
     * Replaces the keys stored before opt-outs were hashed (the digits of the number, up to 20
     * characters; a hash has 64) by their hash, so those opt-outs keep working. Idempotent and safe
     * with several instances starting at once: a key already replaced is not found again, and a
     * digits key whose hash is already stored (the same person in another form) is dropped.
     *
     * @return how many opt-outs were rehashed
     */
    public int rehashLegacyKeys() {
        List<String> legacy = jdbc.sql("SELECT phone_key FROM opt_out WHERE CHAR_LENGTH(phone_key) <> 64")
                .query(String.class)
                .list();
        int rehashed = 0;
        for (String digits : legacy) {
            String key = key(digits);
            if (key != null && replace(digits, key)) {
                rehashed++;
            } else {
                jdbc.sql("DELETE FROM opt_out WHERE phone_key = ?").param(digits).update();
            }
        }
        return rehashed;
    }

    /** False when the hash is stored already (the same person opted out in another form) or another instance replaced it. */
    private boolean replace(String digits, String key) {
        try {
            return jdbc.sql("UPDATE opt_out SET phone_key = ? WHERE phone_key = ?").params(key, digits).update() == 1;
        } catch (DuplicateKeyException sameNumberAlreadyHashed) {
            return false;
        }
    }

    /** The stored key of a number (same person, same key: see {@link PersonalDataKeys#phoneDigits}); null without digits. */
    String key(String phone) {
        return keys.phone(phone).orElse(null);
    }
}
