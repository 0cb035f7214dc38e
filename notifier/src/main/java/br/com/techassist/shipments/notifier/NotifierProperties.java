package br.com.techassist.shipments.notifier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of notifier ({@code notifier.*}).
 *
 * @param provider WhatsApp provider used to send: {@code cloud-api}, {@code evolution} or {@code sandbox} ({@code WHATSAPP_PROVIDER})
 * @param quietHours sending window in the recipient's time zone, e.g. {@code 08:00-20:00}, or {@code off} ({@code QUIET_HOURS})
 * @param providerRate most messages handed to the provider per second by this instance
 * @param maxInFlight most sends waiting for the provider's answer at once
 * @param claimAhead how much sending time one claim batch holds at the provider rate (rows claimed
 *     together, at most 500): short, because a claim cut by a crash before its send is UNCERTAIN
 * @param outcomeLinger how long the answers of finished sends are collected before they are written
 *     together in one transaction
 * @param dispatchInterval how often the dispatcher looks for due messages when nobody woke it up
 * @param uncertainAfter a claim older than this without an answer becomes UNCERTAIN (never resent)
 * @param retryBackoff first pause after a retryable provider error (doubles each attempt)
 * @param retryMaxBackoff longest pause between two attempts
 * @param maxAttempts attempts not accepted by the provider (rate limits) after which an operator is
 *     alerted ({@code SEND_DELAYED}); the message keeps waiting, it is never failed for it
 * @param authFailurePause how long sending stops after the provider refused our credentials or
 *     configuration before the health check is asked again
 * @param pause how sending pauses and resumes when the provider as a whole cannot send
 * @param reconcile how sends with an unknown outcome (UNCERTAIN) are reconciled
 * @param trackingLink tracking link put in messages; {@code {code}} is replaced by the tracking code
 * @param whatsapp provider connection settings
 * @param messages message texts per kind
 */
@Validated
@ConfigurationProperties("notifier")
public record NotifierProperties(
        @DefaultValue("sandbox") @Pattern(regexp = "cloud-api|evolution|sandbox") String provider,
        @DefaultValue("08:00-20:00") @Pattern(regexp = "(?i)off|\\d{2}:\\d{2}-\\d{2}:\\d{2}") String quietHours,
        @DefaultValue("80") @Min(1) int providerRate,
        @DefaultValue("256") @Min(1) int maxInFlight,
        @DefaultValue("200ms") Duration claimAhead,
        @DefaultValue("20ms") Duration outcomeLinger,
        @DefaultValue("1s") Duration dispatchInterval,
        @DefaultValue("2m") Duration uncertainAfter,
        @DefaultValue("30s") Duration retryBackoff,
        @DefaultValue("1h") Duration retryMaxBackoff,
        @DefaultValue("10") @Min(1) int maxAttempts,
        @DefaultValue("15m") Duration authFailurePause,
        @Valid @DefaultValue Pause pause,
        @Valid @DefaultValue Reconcile reconcile,
        @DefaultValue("https://rastreamento.correios.com.br/app/index.php?objeto={code}") @NotBlank String trackingLink,
        @Valid @DefaultValue WhatsApp whatsapp,
        @Valid @DefaultValue Messages messages) {

    /**
     * Pausing every send ({@code notifier.pause.*}) while the provider cannot send.
     *
     * @param disconnectedCheck first wait before the health check of a disconnected provider (doubles each failed check)
     * @param disconnectedCheckMax longest wait between two health checks of a disconnected provider
     * @param disconnectedWarningAfter a disconnection lasting this long raises a WARNING alert
     * @param disconnectedCriticalAfter a disconnection lasting this long raises a CRITICAL alert
     * @param quality how long sending stops after a quality/spam-limit answer (131048, 131049) before the health check
     */
    public record Pause(
            @DefaultValue("2s") Duration disconnectedCheck,
            @DefaultValue("1m") Duration disconnectedCheckMax,
            @DefaultValue("2m") Duration disconnectedWarningAfter,
            @DefaultValue("15m") Duration disconnectedCriticalAfter,
            @DefaultValue("1h") Duration quality) {}

    /**
     * Reconciling UNCERTAIN sends ({@code notifier.reconcile.*}).
     *
     * @param interval how often UNCERTAIN rows are looked at
     * @param firstCheck wait after a send became UNCERTAIN before the provider's store is first asked (Evolution)
     * @param checkBackoff wait between two checks of the store (doubles while nothing is proven)
     * @param webhookWindow Cloud API: no status webhook for the message within this window, while
     *     webhooks for messages sent after it kept arriving, proves it was not sent
     * @param giveUpAfter after this long without proof either way the row stays UNCERTAIN for an operator (CRITICAL alert)
     * @param maxResends Evolution: resends of one message, each on a fresh proof from the provider's
     *     record that it was not sent (a flaky provider may answer a resend ambiguously too); the
     *     Cloud API's proof (webhook silence) is weaker and allows one
     */
    public record Reconcile(
            @DefaultValue("5s") Duration interval,
            @DefaultValue("30s") Duration firstCheck,
            @DefaultValue("1m") Duration checkBackoff,
            @DefaultValue("30m") Duration webhookWindow,
            @DefaultValue("24h") Duration giveUpAfter,
            @DefaultValue("3") @Min(1) int maxResends) {}

    /**
     * Provider connection ({@code notifier.whatsapp.*}).
     *
     * @param baseUrl provider base URL ({@code WHATSAPP_BASE_URL}); empty = the provider's default
     *     ({@code https://graph.facebook.com} for Cloud API, {@code http://localhost:8090} for the sandbox)
     * @param token Cloud API bearer token, or Evolution apikey ({@code WHATSAPP_TOKEN})
     * @param phoneNumberId Cloud API phone-number id ({@code WHATSAPP_PHONE_NUMBER_ID})
     * @param instance Evolution instance name ({@code WHATSAPP_INSTANCE})
     * @param appSecret Cloud API app secret that signs webhooks ({@code WHATSAPP_APP_SECRET})
     * @param verifyToken webhook verification token set in the Meta dashboard ({@code WHATSAPP_VERIFY_TOKEN})
     * @param webhookUrl Evolution: the URL of this service's {@code /webhooks/evolution} as Evolution
     *     reaches it ({@code WHATSAPP_WEBHOOK_URL}); when set, the webhook is registered at start-up
     * @param webhookToken Evolution: the secret Evolution sends in the {@code x-webhook-token} header of
     *     every webhook ({@code WHATSAPP_WEBHOOK_TOKEN}); calls without it are refused with 401
     * @param apiVersion Graph API version
     * @param connectTimeout HTTP connect timeout
     * @param readTimeout HTTP read timeout (an answer not read in time makes the send UNCERTAIN)
     * @param templates Cloud API templates per kind
     */
    public record WhatsApp(
            @DefaultValue("") String baseUrl,
            @DefaultValue("") String token,
            @DefaultValue("") String phoneNumberId,
            @DefaultValue("") String instance,
            @DefaultValue("") String appSecret,
            @DefaultValue("") String verifyToken,
            @DefaultValue("") String webhookUrl,
            @DefaultValue("") String webhookToken,
            @DefaultValue("v21.0") String apiVersion,
            @DefaultValue("3s") Duration connectTimeout,
            @DefaultValue("15s") Duration readTimeout,
            @Valid @DefaultValue Templates templates) {

        /** Never prints a secret (token, app secret, verify token, webhook token). */
        @Override
        public String toString() {
            return "WhatsApp[baseUrl=" + baseUrl + ", phoneNumberId=" + phoneNumberId + ", instance=" + instance
                    + ", token=" + secret(token) + ", appSecret=" + secret(appSecret) + ", verifyToken=" + secret(verifyToken)
                    + ", webhookUrl=" + webhookUrl + ", webhookToken=" + secret(webhookToken) + ", apiVersion=" + apiVersion
                    + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
        }

        private static String secret(String value) {
            return value == null || value.isEmpty() ? "(unset)" : "(set)";
        }
    }

    /**
     * Cloud API templates ({@code notifier.whatsapp.templates.*}): name, language and the message
     * placeholders mapped, in order, to the body parameters {@code {{1}}, {{2}}…} of each kind.
     */
    public record Templates(
            @DefaultValue("envio_postado") String shipped,
            @DefaultValue("pt_BR") String shippedLanguage,
            @DefaultValue({"firstName", "product", "trackingCode", "origin", "link"}) List<String> shippedParameters,
            @DefaultValue("envio_entregue") String arrived,
            @DefaultValue("pt_BR") String arrivedLanguage,
            @DefaultValue({"firstName", "product", "trackingCode", "destination", "link"}) List<String> arrivedParameters,
            @DefaultValue("envio_aguardando_retirada") String arrivedPickup,
            @DefaultValue("pt_BR") String arrivedPickupLanguage,
            @DefaultValue({"firstName", "product", "trackingCode", "pickupAddress", "link"}) List<String> arrivedPickupParameters) {}

    /**
     * Message texts ({@code notifier.messages.*}). Placeholders: {@code {firstName} {product}
     * {trackingCode} {origin} {destination} {pickupAddress} {link}}. A part in square brackets is
     * left out when a placeholder inside it has no value, so missing data never shows.
     */
    public record Messages(
            @DefaultValue("Olá[, {firstName}]! Sua encomenda[ ({product})] foi postada nos Correios[ em {origin}] e já está a caminho. "
                            + "Código de rastreio: {trackingCode}. Acompanhe: {link}")
                    String shipped,
            @DefaultValue("Olá[, {firstName}]! Sua encomenda[ ({product})] foi entregue[ em {destination}]. "
                            + "Código de rastreio: {trackingCode}. Detalhes: {link}")
                    String arrived,
            @DefaultValue("Olá[, {firstName}]! Sua encomenda[ ({product})] chegou e está aguardando retirada[ em {pickupAddress}]. "
                            + "Leve um documento com foto e o código de rastreio {trackingCode}. Acompanhe: {link}")
                    String arrivedPickup) {}
}
