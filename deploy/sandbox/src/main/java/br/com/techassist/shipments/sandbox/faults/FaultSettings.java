package br.com.techassist.shipments.sandbox.faults;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Faults injected into one fake API. All off by default.
 *
 * @param latency added to every request
 * @param errorRate share of requests answered with a 5xx (0..1)
 * @param burstRate chance per request that a 429 burst starts (0..1)
 * @param burstLength how many consecutive requests a 429 burst rejects
 * @param timeoutRate share of requests answered only after {@code timeoutDelay} (0..1)
 * @param timeoutDelay how long a "timed out" request hangs before it is answered normally
 * @param tokenEarlyExpiry Correios: tokens are rejected (401 GTW-008) once this old, although
 *     {@code expiraEm} promised longer; unset = off
 * @param tokenExpired WhatsApp: credentials are rejected (Cloud API error 190, Evolution 401)
 */
public record FaultSettings(
        @DefaultValue("PT0S") Duration latency,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double errorRate,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double burstRate,
        @DefaultValue("5") @Positive int burstLength,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double timeoutRate,
        @DefaultValue("PT30S") Duration timeoutDelay,
        @Nullable Duration tokenEarlyExpiry,
        @DefaultValue("false") boolean tokenExpired) {

    /** No fault at all. */
    public static FaultSettings none() {
        return new FaultSettings(Duration.ZERO, 0, 0, 5, 0, Duration.ofSeconds(30), null, false);
    }

    /** These settings with the non-null fields of {@code change} applied. */
    FaultSettings with(FaultChange change) {
        return new FaultSettings(
                change.latency() != null ? change.latency() : latency,
                change.errorRate() != null ? change.errorRate() : errorRate,
                change.burstRate() != null ? change.burstRate() : burstRate,
                change.burstLength() != null ? change.burstLength() : burstLength,
                change.timeoutRate() != null ? change.timeoutRate() : timeoutRate,
                change.timeoutDelay() != null ? change.timeoutDelay() : timeoutDelay,
                change.tokenEarlyExpiry() != null
                        ? (change.tokenEarlyExpiry().isZero() ? null : change.tokenEarlyExpiry())
                        : tokenEarlyExpiry,
                change.tokenExpired() != null ? change.tokenExpired() : tokenExpired);
    }

    /** A partial update of {@link FaultSettings}: null fields keep their value ({@code PT0S} clears tokenEarlyExpiry). */
    record FaultChange(
            @Nullable Duration latency,
            @Nullable Double errorRate,
            @Nullable Double burstRate,
            @Nullable Integer burstLength,
            @Nullable Double timeoutRate,
            @Nullable Duration timeoutDelay,
            @Nullable Duration tokenEarlyExpiry,
            @Nullable Boolean tokenExpired) {}
}
