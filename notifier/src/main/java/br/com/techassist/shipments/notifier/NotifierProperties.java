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
 * @param maxAttempts attempts after which a retryable error becomes a permanent failure
 * @param authFailurePause how long sending stops after the provider rejected our credentials
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
        @DefaultValue("https://rastreamento.correios.com.br/app/index.php?objeto={code}") @NotBlank String trackingLink,
        @Valid @DefaultValue WhatsApp whatsapp,
        @Valid @DefaultValue Messages messages) {

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
            @DefaultValue("v21.0") String apiVersion,
            @DefaultValue("3s") Duration connectTimeout,
            @DefaultValue("15s") Duration readTimeout,
            @Valid @DefaultValue Templates templates) {}

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
