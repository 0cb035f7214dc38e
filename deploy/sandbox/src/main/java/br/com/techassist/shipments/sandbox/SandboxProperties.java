package br.com.techassist.shipments.sandbox;

import br.com.techassist.shipments.sandbox.faults.FaultSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the sandbox ({@code sandbox.*}).
 *
 * @param clock the accelerated clock Correios events unfold on
 * @param scenario the generated demo parcels
 * @param correios fake Correios credentials and token lifetime
 * @param whatsapp fake WhatsApp credentials and the status webhook target
 * @param faults fault knobs applied from start-up (changeable at runtime)
 */
@Validated
@ConfigurationProperties("sandbox")
public record SandboxProperties(
        @DefaultValue @Valid Clock clock,
        @DefaultValue @Valid Scenario scenario,
        @DefaultValue @Valid Correios correios,
        @DefaultValue @Valid WhatsApp whatsapp,
        @DefaultValue @Valid Faults faults) {

    /**
     * @param speed simulated seconds per real second (1440 = one simulated day per real minute)
     * @param start simulated Brasília local time at start-up; now when unset
     */
    public record Clock(@DefaultValue("1440") @Positive double speed, @Nullable LocalDateTime start) {}

    /**
     * @param parcels how many parcels to generate at start-up (0 = none, drive it through the admin API)
     * @param seed seed of the generator: the same seed gives the same parcels
     * @param spread simulated period over which the start-up parcels are pre-posted, centred on
     *     the start (half of them already exist when the sandbox starts)
     */
    public record Scenario(
            @DefaultValue("30") @PositiveOrZero @Max(1_000_000) int parcels,
            @DefaultValue("20261127") long seed,
            @DefaultValue("P2D") Duration spread) {}

    /**
     * @param username Meu Correios user expected in the token request's Basic auth
     * @param accessCode API access code expected in the token request's Basic auth
     * @param postcard cartão de postagem expected in the token request body
     * @param contract contract number reported in the token
     * @param tokenLifetime real time until a token expires ({@code expiraEm})
     */
    public record Correios(
            @DefaultValue("sandbox") @NotBlank String username,
            @DefaultValue("sandbox-access-code") @NotBlank String accessCode,
            @DefaultValue("0076770702") @NotBlank String postcard,
            @DefaultValue("9912345678") @NotBlank String contract,
            @DefaultValue("PT24H") Duration tokenLifetime) {}

    /**
     * @param webhookUrl where Cloud API status webhooks are posted; none when unset
     * @param webhookDelay real time between a send and its first status webhook, and between statuses
     * @param cloud Cloud API credentials
     * @param evolution Evolution API credentials
     * @param maxKeptMessages how many sent messages the inspection API keeps (oldest dropped first)
     */
    public record WhatsApp(
            @Nullable URI webhookUrl,
            @DefaultValue("PT0.2S") Duration webhookDelay,
            @DefaultValue @Valid Cloud cloud,
            @DefaultValue @Valid Evolution evolution,
            @DefaultValue("1000000") @Positive int maxKeptMessages) {}

    /**
     * @param accessToken bearer token the Cloud API expects
     * @param phoneNumberId the business phone-number id in the path
     * @param appSecret app secret the status webhooks are signed with
     * @param wabaId WhatsApp Business Account id reported in webhooks
     * @param displayPhoneNumber the business number reported in webhooks
     * @param templates the approved message templates; unset = the notifier's three
     *     ({@code envio_postado}, {@code envio_entregue}, {@code envio_aguardando_retirada}, {@code pt_BR},
     *     5 body parameters each)
     */
    public record Cloud(
            @DefaultValue("sandbox-token") @NotBlank String accessToken,
            @DefaultValue("100000000000001") @NotBlank String phoneNumberId,
            @DefaultValue("sandbox-app-secret") @NotBlank String appSecret,
            @DefaultValue("200000000000002") @NotBlank String wabaId,
            @DefaultValue("5511940000000") @NotBlank String displayPhoneNumber,
            @Nullable List<@Valid ApprovedTemplate> templates) {

        /** The approved templates: the configured ones, or the notifier's three by default. */
        public List<ApprovedTemplate> approvedTemplates() {
            return templates != null && !templates.isEmpty() ? templates : List.of(
                    new ApprovedTemplate("envio_postado", "pt_BR", 5),
                    new ApprovedTemplate("envio_entregue", "pt_BR", 5),
                    new ApprovedTemplate("envio_aguardando_retirada", "pt_BR", 5));
        }
    }

    /**
     * A message template approved for the business account.
     *
     * @param name template name
     * @param language language code, e.g. {@code pt_BR}
     * @param bodyParameters how many body parameters ({@code {{1}}…}) it has
     */
    public record ApprovedTemplate(@NotBlank String name, @NotBlank String language, @PositiveOrZero int bodyParameters) {}

    /**
     * @param apiKey value expected in the {@code apikey} header
     * @param instance the instance name in the paths
     * @param exactMatchOnly when true, {@code whatsappNumbers} says a number exists only in the
     *     exact form of the account; by default, like Evolution/Baileys, either ninth-digit form of
     *     an account "exists" and the answer's {@code jid} is the real account
     * @param ownerNumber the instance's own WhatsApp number (webhooks' {@code sender})
     * @param serverUrl Evolution's {@code SERVER_URL} (webhooks' {@code server_url})
     */
    public record Evolution(
            @DefaultValue("sandbox-api-key") @NotBlank String apiKey,
            @DefaultValue("sandbox") @NotBlank String instance,
            @DefaultValue("false") boolean exactMatchOnly,
            @DefaultValue("5511940000001") @NotBlank String ownerNumber,
            @DefaultValue("http://localhost:8090") @NotBlank String serverUrl) {}

    /**
     * @param correios faults of the Correios endpoints
     * @param whatsapp faults of the WhatsApp endpoints
     */
    public record Faults(@DefaultValue @Valid FaultSettings correios, @DefaultValue @Valid FaultSettings whatsapp) {}
}
