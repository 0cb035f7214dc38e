package br.com.techassist.shipments.sandbox.faults;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.time.Instant;
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
 * @param connectionClosedSince WhatsApp (Evolution): when the current or last closed period started
 * @param connectionClosedUntil WhatsApp (Evolution): the connection is closed until then; unset = open
 * @param acceptThenFailRate WhatsApp: share of sends accepted (stored, delivered, webhooks posted)
 *     but answered 500 (0..1, picked deterministically)
 * @param acceptThenFailCount WhatsApp: the next sends accepted but answered 500 (counts down)
 * @param evolutionStorageOff WhatsApp (Evolution): no message is stored for {@code findMessages}
 * @param statusFailedRate WhatsApp: share of accepted messages whose status is a failure instead
 *     (Cloud API 131049, Evolution ERROR)
 * @param statusOutOfOrderRate WhatsApp: share of accepted messages whose statuses are posted in
 *     reverse order
 */
public record FaultSettings(
        @DefaultValue("PT0S") Duration latency,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double errorRate,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double burstRate,
        @DefaultValue("5") @Positive int burstLength,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double timeoutRate,
        @DefaultValue("PT30S") Duration timeoutDelay,
        @Nullable Duration tokenEarlyExpiry,
        @DefaultValue("false") boolean tokenExpired,
        @Nullable Instant connectionClosedSince,
        @Nullable Instant connectionClosedUntil,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double acceptThenFailRate,
        @DefaultValue("0") @PositiveOrZero int acceptThenFailCount,
        @DefaultValue("false") boolean evolutionStorageOff,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double statusFailedRate,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double statusOutOfOrderRate) {

    /** No fault at all. */
    public static FaultSettings none() {
        return new FaultSettings(Duration.ZERO, 0, 0, 5, 0, Duration.ofSeconds(30), null, false, null, null, 0, 0, false,
                0, 0);
    }

    /** {@code open}, or {@code close} in the first half of a closed period and {@code connecting} in its second. */
    public String connectionStateAt(Instant now) {
        if (!connectionClosedAt(now)) {
            return "open";
        }
        Instant since = connectionClosedSince != null ? connectionClosedSince : now;
        Instant halfway = since.plus(Duration.between(since, connectionClosedUntil).dividedBy(2));
        return now.isBefore(halfway) ? "close" : "connecting";
    }

    /** True while the (Evolution) WhatsApp connection is closed. */
    public boolean connectionClosedAt(Instant now) {
        return connectionClosedUntil != null && now.isBefore(connectionClosedUntil);
    }

    /** These settings with the non-null fields of {@code change} applied, at {@code now}. */
    FaultSettings with(FaultChange change, Instant now) {
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
                change.tokenExpired() != null ? change.tokenExpired() : tokenExpired,
                change.connectionClosedFor() != null ? now : connectionClosedSince,
                change.connectionClosedFor() != null
                        ? (change.connectionClosedFor().isZero() ? null : now.plus(change.connectionClosedFor()))
                        : connectionClosedUntil,
                change.acceptThenFailRate() != null ? change.acceptThenFailRate() : acceptThenFailRate,
                change.acceptThenFailCount() != null ? change.acceptThenFailCount() : acceptThenFailCount,
                change.evolutionStorageOff() != null ? change.evolutionStorageOff() : evolutionStorageOff,
                change.statusFailedRate() != null ? change.statusFailedRate() : statusFailedRate,
                change.statusOutOfOrderRate() != null ? change.statusOutOfOrderRate() : statusOutOfOrderRate);
    }

    /** These settings with one accept-then-fail send used up. */
    FaultSettings withOneAcceptThenFailUsed() {
        return new FaultSettings(latency, errorRate, burstRate, burstLength, timeoutRate, timeoutDelay,
                tokenEarlyExpiry, tokenExpired, connectionClosedSince, connectionClosedUntil, acceptThenFailRate,
                Math.max(0, acceptThenFailCount - 1), evolutionStorageOff, statusFailedRate, statusOutOfOrderRate);
    }

    /**
     * A partial update of {@link FaultSettings}: null fields keep their value ({@code PT0S} clears
     * tokenEarlyExpiry; {@code connectionClosedFor} closes the connection from now for that long,
     * {@code PT0S} reopens it).
     */
    record FaultChange(
            @Nullable Duration latency,
            @Nullable Double errorRate,
            @Nullable Double burstRate,
            @Nullable Integer burstLength,
            @Nullable Double timeoutRate,
            @Nullable Duration timeoutDelay,
            @Nullable Duration tokenEarlyExpiry,
            @Nullable Boolean tokenExpired,
            @Nullable Duration connectionClosedFor,
            @Nullable Double acceptThenFailRate,
            @Nullable Integer acceptThenFailCount,
            @Nullable Boolean evolutionStorageOff,
            @Nullable Double statusFailedRate,
            @Nullable Double statusOutOfOrderRate) {}
}
