package br.com.techassist.shipments.sandbox.whatsapp;

import br.com.techassist.shipments.sandbox.SandboxProperties;
import br.com.techassist.shipments.sandbox.faults.Faults;
import br.com.techassist.shipments.sandbox.whatsapp.SentMessage.Delivery;
import br.com.techassist.shipments.sandbox.whatsapp.WhatsAppDirectory.Account;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fake Meta Cloud API {@code POST /{version}/{phoneNumberId}/messages} (template or text).
 *
 * <p>Like the real one it has no existence check: a number in either ninth-digit form of an account
 * is delivered and {@code contacts[].wa_id} tells the account's real id; a number without any
 * account is accepted too, and its status webhook later reports {@code failed} with 131026.
 */
@RestController
class CloudApiController {

    static final String PROVIDER = "cloud-api";

    private final SandboxProperties.Cloud settings;
    private final Faults faults;
    private final WhatsAppDirectory directory;
    private final SentMessages messages;
    private final StatusWebhooks webhooks;
    private final TemplateRules templates;
    private final CustomerWindows windows;

    CloudApiController(SandboxProperties properties, Faults faults, WhatsAppDirectory directory,
            SentMessages messages, StatusWebhooks webhooks, TemplateRules templates, CustomerWindows windows) {
        this.settings = properties.whatsapp().cloud();
        this.faults = faults;
        this.directory = directory;
        this.messages = messages;
        this.webhooks = webhooks;
        this.templates = templates;
        this.windows = windows;
    }

    @PostMapping("/{version:v\\d+\\.\\d+}/{phoneNumberId}/messages")
    ResponseEntity<Object> send(
            @PathVariable String version,
            @PathVariable String phoneNumberId,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody CloudMessage message) {
        if (!("Bearer " + settings.accessToken()).equals(authorization)) {
            return error(HttpStatus.UNAUTHORIZED, 190, "Invalid OAuth access token - Cannot parse access token",
                    "Invalid OAuth access token");
        }
        if (faults.whatsapp().tokenExpired()) {
            return error(HttpStatus.UNAUTHORIZED, 190,
                    "Error validating access token: Session has expired.", "Access token expired");
        }
        if (!settings.phoneNumberId().equals(phoneNumberId)) {
            return error(HttpStatus.BAD_REQUEST, 100, "Unsupported post request. Object with ID '" + phoneNumberId
                    + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation",
                    "Unknown phone number id");
        }
        String problem = problemWith(message);
        if (problem != null) {
            return error(HttpStatus.BAD_REQUEST, 100, "(#100) Invalid parameter", problem);
        }
        String to = java.util.Objects.requireNonNull(message.to());
        String digits = WhatsAppDirectory.normalize(to);
        Optional<Account> account = directory.resolve(digits);
        String waId = account.map(Account::waId).orElse(digits);
        boolean template = "template".equals(message.type());
        TemplateRules.Refusal refusal = template ? checkTemplate(message)
                : windows.open(waId, java.time.Instant.now()) ? null : TemplateRules.reEngagementRequired();
        if (refusal != null) {
            return ResponseEntity.badRequest().body(refusal.body());
        }
        String id = MessageIds.wamid();
        messages.record(id, PROVIDER, to, account.map(Account::waId).orElse(null), String.valueOf(message.type()),
                template ? null : textOf(message), template ? templateOf(message) : null,
                account.isPresent() ? Delivery.DELIVERED : Delivery.UNDELIVERABLE);
        webhooks.accepted(id, waId, account.isPresent(), message.bizOpaqueCallbackData());
        if (faults.acceptThenFail()) {
            return ResponseEntity.internalServerError().body(WhatsAppErrors.cloudServerError());
        }
        return ResponseEntity.ok(Map.of(
                "messaging_product", "whatsapp",
                "contacts", List.of(Map.of("input", to, "wa_id", waId)),
                "messages", List.of(Map.of("id", id, "message_status", "accepted"))));
    }

    private static @Nullable String problemWith(CloudMessage message) {
        if (!"whatsapp".equals(message.messagingProduct())) {
            return "messaging_product must be whatsapp";
        }
        if (message.to() == null || message.to().replaceAll("\\D", "").length() < 8) {
            return "The parameter to is required and must be a phone number";
        }
        if ("text".equals(message.type()) || message.type() == null) {
            return message.text() == null || message.text().body() == null || message.text().body().isBlank()
                    ? "The parameter text['body'] is required" : null;
        }
        if ("template".equals(message.type())) {
            Template template = message.template();
            if (template == null || template.name() == null || template.name().isBlank()) {
                return "The parameter template['name'] is required";
            }
            if (template.language() == null || template.language().code() == null) {
                return "The parameter template['language']['code'] is required";
            }
            for (Component component : template.components() != null ? template.components() : List.<Component>of()) {
                for (Parameter parameter : component.parameters() != null ? component.parameters() : List.<Parameter>of()) {
                    if ("text".equals(parameter.type()) && (parameter.text() == null || parameter.text().isEmpty())) {
                        return "Parameter of type text is missing text value";
                    }
                }
            }
        }
        return null;
    }

    private static @Nullable String textOf(CloudMessage message) {
        return message.text() != null ? message.text().body() : null;
    }

    private TemplateRules.@Nullable Refusal checkTemplate(CloudMessage message) {
        Template template = java.util.Objects.requireNonNull(message.template());
        List<String> body = new ArrayList<>();
        for (Component component : template.components() != null ? template.components() : List.<Component>of()) {
            if ("body".equalsIgnoreCase(component.type()) && component.parameters() != null) {
                component.parameters().forEach(parameter -> body.add(String.valueOf(parameter.text())));
            }
        }
        return templates.check(String.valueOf(template.name()),
                String.valueOf(java.util.Objects.requireNonNull(template.language()).code()), body);
    }

    private static SentMessage.Template templateOf(CloudMessage message) {
        Template template = java.util.Objects.requireNonNull(message.template());
        List<String> parameters = new ArrayList<>();
        for (Component component : template.components() != null ? template.components() : List.<Component>of()) {
            for (Parameter parameter : component.parameters() != null ? component.parameters() : List.<Parameter>of()) {
                String value = parameter.text() != null ? parameter.text() : "[" + parameter.type() + "]";
                parameters.add(parameter.parameterName() != null ? parameter.parameterName() + "=" + value : value);
            }
        }
        return new SentMessage.Template(String.valueOf(template.name()),
                template.language() != null ? template.language().code() : null, parameters);
    }

    private static ResponseEntity<Object> error(HttpStatus status, int code, String message, String details) {
        return ResponseEntity.status(status).body(WhatsAppErrors.cloud(code, message, details));
    }


    /** The request body (only the fields the sandbox looks at). */
    record CloudMessage(
            @JsonProperty("messaging_product") @Nullable String messagingProduct,
            @JsonProperty("recipient_type") @Nullable String recipientType,
            @Nullable String to,
            @Nullable String type,
            @Nullable Text text,
            @Nullable Template template,
            @JsonProperty("biz_opaque_callback_data") @Nullable String bizOpaqueCallbackData) {}

    record Text(@Nullable String body, @JsonProperty("preview_url") @Nullable Boolean previewUrl) {}

    record Template(@Nullable String name, @Nullable Language language, @Nullable List<Component> components) {}

    record Language(@Nullable String code, @Nullable String policy) {}

    record Component(@Nullable String type, @JsonProperty("sub_type") @Nullable String subType,
            @Nullable List<Parameter> parameters) {}

    record Parameter(@Nullable String type, @Nullable String text,
            @JsonProperty("parameter_name") @Nullable String parameterName) {}
}
