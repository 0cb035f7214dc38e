package br.com.techassist.shipments.notifier.provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Meta WhatsApp Cloud API: {@code POST /{version}/{phone-number-id}/messages} with an approved
 * template, bearer token, our notification id in {@code biz_opaque_callback_data}. Errors are told
 * apart by {@code error.code}: 131026 no WhatsApp (permanent); 130429, 131056, 131048 and transient
 * codes retry with back-off; 0/190 stop sending; 5xx retry; other 4xx are permanent.
 */
public class CloudApiProvider implements WhatsAppProvider {

    static final Set<Integer> RETRYABLE = Set.of(1, 2, 4, 80007, 130429, 131000, 131016, 131048, 131056, 131057);
    static final Set<Integer> AUTH = Set.of(0, 190);
    static final int NO_WHATSAPP = 131026;

    private final RestClient http;
    private final String path;

    public CloudApiProvider(RestClient http, String apiVersion, String phoneNumberId) {
        this.http = http;
        this.path = "/" + apiVersion + "/" + phoneNumberId + "/messages";
    }

    @Override
    public String name() {
        return "cloud-api";
    }

    @Override
    public SendOutcome send(OutgoingMessage m) {
        return ProviderJson.post(http, path, body(m), CloudApiProvider::outcome);
    }

    static Map<String, Object> body(OutgoingMessage m) {
        List<Map<String, String>> parameters = new ArrayList<>();
        for (String value : m.parameters()) {
            parameters.add(Map.of("type", "text", "text", value));
        }
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", m.template());
        template.put("language", Map.of("code", m.language()));
        template.put("components", List.of(Map.of("type", "body", "parameters", parameters)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", m.to());
        body.put("type", "template");
        body.put("template", template);
        body.put("biz_opaque_callback_data", m.notificationId());
        return body;
    }

    static SendOutcome outcome(int status, String body) {
        JsonNode json = ProviderJson.parse(body);
        if (status >= 200 && status < 300) {
            String id = ProviderJson.text(json.path("messages").path(0).path("id"));
            if (id == null) {
                return new SendOutcome.Unknown("HTTP " + status + " without messages[0].id");
            }
            return new SendOutcome.Accepted(id, ProviderJson.text(json.path("contacts").path(0).path("wa_id")));
        }
        JsonNode error = json.path("error");
        Integer code = error.path("code").isNumber() ? error.path("code").asInt() : null;
        String reason = "HTTP " + status + (code == null ? "" : " error " + code)
                + (ProviderJson.text(error.path("message")) == null ? "" : ": " + ProviderJson.text(error.path("message")));
        String codeText = code == null ? Integer.toString(status) : code.toString();
        if (code != null && code == NO_WHATSAPP) {
            return new SendOutcome.Rejected(reason, codeText, true);
        }
        if (code != null && AUTH.contains(code) || status == 401) {
            return new SendOutcome.AuthFailed(reason, codeText);
        }
        if (code != null && RETRYABLE.contains(code) || status == 429 || status >= 500) {
            return new SendOutcome.Retry(reason, codeText);
        }
        return new SendOutcome.Rejected(reason, codeText, false);
    }


}
