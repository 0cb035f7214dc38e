package br.com.techassist.shipments.support.privacy;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The personal-data lifecycle settings ({@code shipments.privacy.*}; environment names in brackets).
 *
 * @param retention how long a parcel's personal data is kept after the parcel finished ({@code PII_RETENTION})
 * @param auditRetention how long audit records are kept ({@code AUDIT_RETENTION})
 * @param rejectedRetention how long rejected pre-postings are kept ({@code REJECTED_RETENTION})
 * @param purgeInterval how often the retention job runs
 * @param batchSize rows per purge transaction
 * @param hashKey the secret key of the keyed hashes that stand in for phones, e-mails and documents
 *     where the data itself must not be kept (opt-outs, the erasure index) ({@code PRIVACY_HASH_KEY});
 *     unset: a built-in key, with a warning at start (fine for demos, not for production)
 */
@Validated
@ConfigurationProperties("shipments.privacy")
public record PrivacyProperties(
        @DefaultValue("P90D") @NotNull Duration retention,
        @DefaultValue("P365D") @NotNull Duration auditRetention,
        @DefaultValue("P30D") @NotNull Duration rejectedRetention,
        @DefaultValue("PT1H") @NotNull Duration purgeInterval,
        @DefaultValue("500") @Min(1) int batchSize,
        @Nullable String hashKey) {

    public PrivacyProperties {
        requireAtLeastADay("PII_RETENTION (shipments.privacy.retention)", retention);
        requireAtLeastADay("AUDIT_RETENTION (shipments.privacy.audit-retention)", auditRetention);
        requireAtLeastADay("REJECTED_RETENTION (shipments.privacy.rejected-retention)", rejectedRetention);
        if (purgeInterval.isNegative() || purgeInterval.isZero()) {
            throw new IllegalArgumentException("shipments.privacy.purge-interval must be positive, was " + purgeInterval);
        }
    }

    private static void requireAtLeastADay(String name, @Nullable Duration value) {
        if (value != null && value.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException(name + " must be at least P1D (an ISO-8601 duration such as P90D), was " + value);
        }
    }
}
