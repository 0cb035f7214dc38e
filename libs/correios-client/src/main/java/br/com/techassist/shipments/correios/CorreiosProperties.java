package br.com.techassist.shipments.correios;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Correios CWS client ({@code correios.*}; the environment variables
 * {@code CORREIOS_BASE_URL}, {@code CORREIOS_USERNAME}, {@code CORREIOS_ACCESS_CODE} and
 * {@code CORREIOS_POSTCARD} bind by relaxed binding).
 *
 * @param baseUrl the CWS gateway
 * @param username the Meu Correios user (often the CNPJ)
 * @param accessCode the API access code (código de acesso), not the website password
 * @param postcard the cartão de postagem number the token is bound to
 * @param connectTimeout TCP connect timeout of every call
 * @param readTimeout time allowed for a response of every call
 * @param tokenRefreshMargin a token is renewed this long before its {@code expiraEm}
 * @param tokenRequestsPerSecond the token endpoint's rate limit (Correios allows 3/s)
 * @param retry retries of 429, 5xx and I/O failures
 * @param circuitBreaker the breaker that stops calls during an outage
 */
@Validated
@ConfigurationProperties("correios")
public record CorreiosProperties(
        @DefaultValue("https://api.correios.com.br") @NotNull URI baseUrl,
        @Nullable String username,
        @Nullable String accessCode,
        @Nullable String postcard,
        @DefaultValue("PT5S") @NotNull Duration connectTimeout,
        @DefaultValue("PT30S") @NotNull Duration readTimeout,
        @DefaultValue("PT30M") @NotNull Duration tokenRefreshMargin,
        @DefaultValue("3") @Min(1) int tokenRequestsPerSecond,
        @DefaultValue @Valid Retry retry,
        @DefaultValue @Valid CircuitBreaker circuitBreaker) {

    /** Never shows the access code. */
    @Override
    public String toString() {
        return "CorreiosProperties[baseUrl=" + baseUrl + ", username=" + username + ", accessCode="
                + (accessCode == null ? "null" : "******") + ", postcard=" + postcard + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", tokenRefreshMargin=" + tokenRefreshMargin
                + ", tokenRequestsPerSecond=" + tokenRequestsPerSecond + ", retry=" + retry + ", circuitBreaker="
                + circuitBreaker + "]";
    }

    /** Whether credentials are set at all. */
    public boolean hasCredentials() {
        return username != null && !username.isBlank() && accessCode != null && !accessCode.isBlank();
    }

    /**
     * @param maxAttempts attempts of one call in total (1 = no retry)
     * @param initialBackoff wait before the second attempt; doubles each time
     * @param maxBackoff the longest wait, also the cap on a server's {@code Retry-After}
     */
    public record Retry(
            @DefaultValue("4") @Min(1) int maxAttempts,
            @DefaultValue("PT0.5S") @NotNull Duration initialBackoff,
            @DefaultValue("PT10S") @NotNull Duration maxBackoff) {}

    /**
     * @param failureRateThreshold percentage of failed attempts that opens the breaker
     * @param slidingWindowSize attempts the failure rate is computed over
     * @param minimumNumberOfCalls attempts needed before the rate counts
     * @param waitInOpenState how long the breaker stays open before letting probes through
     */
    public record CircuitBreaker(
            @DefaultValue("50") @Min(1) int failureRateThreshold,
            @DefaultValue("20") @Min(1) int slidingWindowSize,
            @DefaultValue("10") @Min(1) int minimumNumberOfCalls,
            @DefaultValue("PT30S") @NotNull Duration waitInOpenState) {}
}
