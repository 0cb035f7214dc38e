package br.com.techassist.shipments.sandbox.whatsapp;

import br.com.techassist.shipments.sandbox.SandboxProperties;
import br.com.techassist.shipments.sandbox.SandboxProperties.ApprovedTemplate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the Cloud API checks of a template message against the approved templates: 132001 unknown
 * name or language, 132000 wrong number of body parameters, 132018 a parameter with a newline, a
 * tab or more than four consecutive spaces.
 */
@Component
class TemplateRules {

    private static final Pattern FORBIDDEN_IN_PARAMETER = Pattern.compile("[\\n\\t]| {5,}");

    private final List<ApprovedTemplate> approved;

    TemplateRules(SandboxProperties properties) {
        this.approved = properties.whatsapp().cloud().approvedTemplates();
    }

    /** A refusal of the Cloud API: error code, message and details. */
    record Refusal(int code, String message, String details) {

        Map<String, Object> body() {
            return WhatsAppErrors.cloud(code, message, details);
        }
    }

    /** Why Meta would refuse this template with these body parameters, or null when it is fine. */
    @Nullable Refusal check(String name, String language, List<String> bodyParameters) {
        ApprovedTemplate template = approved.stream()
                .filter(candidate -> candidate.name().equals(name) && candidate.language().equals(language))
                .findFirst()
                .orElse(null);
        if (template == null) {
            return new Refusal(132001, "(#132001) Template name does not exist in the translation",
                    "template name (" + name + ") does not exist in " + language);
        }
        if (template.bodyParameters() != bodyParameters.size()) {
            return new Refusal(132000, "(#132000) Number of parameters does not match the expected number of params",
                    "body: number of localizable_params (" + bodyParameters.size()
                            + ") does not match the expected number of params (" + template.bodyParameters() + ")");
        }
        for (String parameter : bodyParameters) {
            if (FORBIDDEN_IN_PARAMETER.matcher(parameter).find()) {
                return new Refusal(132018, "(#132018) There was an issue with the parameters in your template.",
                        "Param text cannot have new-line/tab characters or more than 4 consecutive spaces");
            }
        }
        return null;
    }

    /** The refusal of a free-form message outside the customer's 24 h window. */
    static Refusal reEngagementRequired() {
        return new Refusal(131047, "(#131047) Re-engagement message",
                "Message failed to send because more than 24 hours have passed since the customer last replied to this number.");
    }
}
