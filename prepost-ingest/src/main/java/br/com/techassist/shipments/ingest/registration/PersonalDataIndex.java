package br.com.techassist.shipments.ingest.registration;

import br.com.techassist.shipments.model.Phone;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.support.jdbc.MultiRowInsert;
import br.com.techassist.shipments.support.privacy.PersonalDataKeys;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The erasure index (table {@code personal_data_key}): for each registered code, the keyed hashes
 * ({@link PersonalDataKeys}) of its recipient's phones, e-mail and CPF/CNPJ, written with the
 * registration, so that an erasure request by any of them finds every parcel of the person however
 * the phone was typed. Holds no personal data in clear; without the secret key the hashes cannot be
 * reversed by trying every phone number.
 */
@Component
public class PersonalDataIndex {

    /** What a key stands for (column {@code kind}). */
    public enum Kind {
        PHONE,
        EMAIL,
        DOCUMENT;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One key of one code. */
    record Key(String trackingCode, Kind kind, String hash) {}

    private final JdbcClient jdbc;
    private final PersonalDataKeys keys;

    PersonalDataIndex(JdbcClient jdbc, PersonalDataKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** Indexes the recipients of newly registered codes, in the caller's transaction (one insert). */
    void index(Collection<ShipmentRegistered> events, Map<String, String> documentsByCode) {
        List<List<?>> rows = new ArrayList<>();
        for (ShipmentRegistered event : events) {
            Timestamp at = Timestamp.from(event.occurredAt().toInstant());
            for (Key key : keysOf(event, documentsByCode.get(event.trackingCode()))) {
                rows.add(List.of(key.trackingCode(), key.kind().column(), key.hash(), at));
            }
        }
        MultiRowInsert.run(jdbc, "INSERT INTO personal_data_key (tracking_code, kind, key_hash, created_at)", rows);
    }

    private Set<Key> keysOf(ShipmentRegistered event, @Nullable String document) {
        String code = event.trackingCode();
        var recipient = event.recipient();
        Set<Key> out = new LinkedHashSet<>();
        phoneKey(recipient.mobile()).ifPresent(hash -> out.add(new Key(code, Kind.PHONE, hash)));
        phoneKey(recipient.landline()).ifPresent(hash -> out.add(new Key(code, Kind.PHONE, hash)));
        keys.email(recipient.email()).ifPresent(hash -> out.add(new Key(code, Kind.EMAIL, hash)));
        keys.document(document).ifPresent(hash -> out.add(new Key(code, Kind.DOCUMENT, hash)));
        return out;
    }

    private Optional<String> phoneKey(@Nullable Phone phone) {
        if (phone == null || phone.number() == null) {
            return Optional.empty();
        }
        return keys.phone((phone.areaCode() == null ? "" : phone.areaCode()) + phone.number());
    }

    /** The codes indexed under any of {@code hashes}, sorted. */
    public List<String> codesOf(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT DISTINCT tracking_code FROM personal_data_key WHERE key_hash IN (:hashes)"
                        + " ORDER BY tracking_code")
                .param("hashes", List.copyOf(hashes))
                .query(String.class)
                .list();
    }

    /** Removes the keys of {@code trackingCode}; returns how many there were. */
    public int forget(String trackingCode) {
        return jdbc.sql("DELETE FROM personal_data_key WHERE tracking_code = ?").param(trackingCode).update();
    }

    /** When the oldest key still indexed was stored. */
    public Optional<Instant> oldest() {
        return Registrations.instant(jdbc.sql("SELECT MIN(created_at) FROM personal_data_key"));
    }
}
