package br.com.techassist.shipments.phone;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of phone-validator ({@code phone.*}).
 *
 * @param provider WhatsApp provider used to resolve ids: {@code evolution}, {@code cloud-api} or
 *     {@code sandbox} ({@code WHATSAPP_PROVIDER})
 * @param whatsapp how to reach the provider
 * @param cacheTtl how long a provider answer is reused for the same number
 * @param checks batching, pacing and retry of provider checks
 */
@Validated
@ConfigurationProperties("phone")
public record PhoneValidatorProperties(
        @DefaultValue("sandbox") @Pattern(regexp = "evolution|cloud-api|sandbox",
                message = "must be evolution, cloud-api or sandbox") String provider,
        @DefaultValue @Valid WhatsApp whatsapp,
        @DefaultValue("P30D") @NotNull Duration cacheTtl,
        @DefaultValue @Valid Checks checks) {

    public static final String SANDBOX_BASE_URL = "http://localhost:8090";
    public static final String SANDBOX_INSTANCE = "sandbox";
    public static final String SANDBOX_TOKEN = "sandbox-api-key"; // the sandbox's default Evolution apikey

    /**
     * @param baseUrl Evolution API (or sandbox) base URL ({@code WHATSAPP_BASE_URL}); sandbox default
     *     {@value #SANDBOX_BASE_URL}
     * @param token the Evolution {@code apikey} ({@code WHATSAPP_TOKEN}); never logged
     * @param instance the Evolution instance name ({@code WHATSAPP_INSTANCE})
     * @param connectTimeout TCP connect timeout
     * @param readTimeout how long one check may take
     */
    public record WhatsApp(
            String baseUrl,
            String token,
            String instance,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("15s") Duration readTimeout) {

        /** The base URL, or the sandbox default when blank. */
        public String baseUrlOrSandbox() {
            return isBlank(baseUrl) ? SANDBOX_BASE_URL : baseUrl;
        }

        public String instanceOrSandbox() {
            return isBlank(instance) ? SANDBOX_INSTANCE : instance;
        }

        public String tokenOrSandbox() {
            return isBlank(token) ? SANDBOX_TOKEN : token;
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }

        @Override
        public String toString() {
            return "WhatsApp[baseUrl=" + baseUrl + ", instance=" + instance + ", token=****]";
        }
    }

    /**
     * @param batchSize most numbers asked in one provider request
     * @param perMinute most numbers asked of the provider per minute (bulk checks get accounts banned)
     * @param pollInterval how often waiting contacts are looked at when nothing new arrived
     * @param retryInitial wait after the first failed check (doubles each time)
     * @param retryMax longest wait between two checks of a waiting contact
     * @param claimTimeout how long a replica owns the contacts it is checking before another may take them
     */
    public record Checks(
            @DefaultValue("20") @Min(1) int batchSize,
            @DefaultValue("30") @Min(1) int perMinute,
            @DefaultValue("2s") @NotNull Duration pollInterval,
            @DefaultValue("30s") @NotNull Duration retryInitial,
            @DefaultValue("15m") @NotNull Duration retryMax,
            @DefaultValue("2m") @NotNull Duration claimTimeout) {}
}
