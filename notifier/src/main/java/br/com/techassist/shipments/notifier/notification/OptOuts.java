package br.com.techassist.shipments.notifier.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Numbers that asked for no more messages. A number is keyed without the Brazilian ninth digit
 * ({@code 55 DD XXXXXXXX}), because the same person may write from a 12-digit WhatsApp id while
 * we hold the 13-digit number, or the other way round.
 */
@Repository
public class OptOuts {

    private final JdbcClient jdbc;
    private final Clock clock;

    public OptOuts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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
        List<String> keys = phones.stream().map(OptOuts::key).filter(Objects::nonNull).distinct().toList();
        if (keys.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>(jdbc.sql("SELECT phone_key FROM opt_out WHERE phone_key IN (:keys)")
                .param("keys", keys)
                .query(String.class)
                .list());
        return phones.stream().filter(p -> out.contains(key(p))).collect(Collectors.toSet());
    }

    /** Digits, with a Brazilian mobile's ninth digit removed: {@code 5568999990001} → {@code 556899990001}. */
    static String key(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return null;
        }
        if (digits.startsWith("55") && digits.length() == 13 && digits.charAt(4) == '9') {
            return digits.substring(0, 4) + digits.substring(5);
        }
        return digits;
    }
}
