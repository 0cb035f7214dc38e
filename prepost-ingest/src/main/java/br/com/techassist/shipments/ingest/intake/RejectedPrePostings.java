package br.com.techassist.shipments.ingest.intake;

import br.com.techassist.shipments.correios.prepostagem.PrePostagemEntry;
import br.com.techassist.shipments.ingest.registration.Registrations;
import br.com.techassist.shipments.ingest.registration.Sha256;
import br.com.techassist.shipments.model.EventIds;
import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.support.outbox.Outbox;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pre-postings that could not be registered, with the reason and a masked excerpt of the raw item
 * ({@link MaskedPrePosting}; table {@code rejected_pre_posting}). The first time an item is
 * rejected, a {@link ShipmentAlert.AlertType#REJECTED_PRE_POSTING} alert is enqueued in the same
 * transaction; seeing it again only updates {@code last_seen_at} and {@code times_seen} (and the
 * excerpt). Nothing is kept of an item whose tracking code's personal data was erased.
 */
@Component
public class RejectedPrePostings {

    private static final int DETAIL_MAX = 500;

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Registrations registrations;

    RejectedPrePostings(JdbcClient jdbc, Outbox outbox, Registrations registrations) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.registrations = registrations;
    }

    /** Records the rejection; returns true when the item had not been rejected before. */
    @Transactional
    boolean reject(PrePostagemEntry entry, Rejection rejection, OffsetDateTime now) {
        String prePostingId = entry.id();
        String code = entry.codigoObjeto();
        if (TrackingCode.isValid(code) && registrations.isErased(TrackingCode.parse(code).value())) {
            return false;
        }
        String key = keyOf(prePostingId, code, entry.rawJson());
        String excerpt = MaskedPrePosting.of(entry.rawJson());
        Timestamp at = Timestamp.from(now.toInstant());
        int updated = jdbc.sql("""
                UPDATE rejected_pre_posting SET last_seen_at = ?, times_seen = times_seen + 1, reason = ?, detail = ?,
                    raw_item = ? WHERE reject_key = ?""")
                .params(at, rejection.reason().name(), cut(rejection.detail()), excerpt, key)
                .update();
        if (updated > 0) {
            return false;
        }
        try {
            jdbc.sql("""
                    INSERT INTO rejected_pre_posting (reject_key, pre_posting_id, tracking_code, reason, detail, raw_item,
                        first_seen_at, last_seen_at, times_seen)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)""")
                    .params(key, cut(prePostingId, 64), cut(code, 64), rejection.reason().name(),
                            cut(rejection.detail()), excerpt, at, at)
                    .update();
        } catch (DuplicateKeyException rejectedMeanwhile) {
            return false;
        }
        outbox.enqueue(alert(key, prePostingId, code, rejection, now));
        return true;
    }

    /** Deletes the rejected items of {@code trackingCode} (an erasure); returns how many there were. */
    public int forget(String trackingCode) {
        return jdbc.sql("DELETE FROM rejected_pre_posting WHERE UPPER(TRIM(tracking_code)) = ?").param(trackingCode)
                .update();
    }

    private static ShipmentAlert alert(String key, @Nullable String prePostingId, @Nullable String code,
            Rejection rejection, OffsetDateTime now) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("reason", rejection.reason().name());
        details.put("detail", cut(rejection.detail()));
        if (prePostingId != null) {
            details.put("prePostingId", prePostingId);
        }
        if (code != null) {
            details.put("codigoObjeto", code);
        }
        return new ShipmentAlert(EventIds.of("ShipmentAlert", "REJECTED_PRE_POSTING", key), now,
                TrackingCode.isValid(code) ? code.strip().toUpperCase(java.util.Locale.ROOT) : null,
                ShipmentAlert.AlertType.REJECTED_PRE_POSTING, ShipmentAlert.Severity.WARNING,
                "pre-posting " + (prePostingId != null ? prePostingId : code != null ? code : "without id")
                        + " cannot be registered: " + rejection.reason() + " (" + cut(rejection.detail()) + ")",
                details);
    }

    /** Identifies a rejected item across polls: its pre-posting id, else its code, else its content. */
    static String keyOf(@Nullable String prePostingId, @Nullable String code, String rawJson) {
        if (prePostingId != null && !prePostingId.isBlank()) {
            return "id:" + cut(prePostingId.strip(), 100);
        }
        if (code != null && !code.isBlank()) {
            return "code:" + cut(code.strip(), 100);
        }
        return "sha256:" + Sha256.hex(rawJson.getBytes(StandardCharsets.UTF_8));
    }

    private static String cut(String s) {
        return cut(s, DETAIL_MAX);
    }

    private static String cut(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
