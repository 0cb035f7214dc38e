package br.com.techassist.shipments.sandbox.whatsapp;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Error bodies of the two WhatsApp APIs. */
public final class WhatsAppErrors {

    private WhatsAppErrors() {}

    /** True for a Cloud API path ({@code /v21.0/...}). */
    public static boolean isCloudApi(HttpServletRequest request) {
        return request.getRequestURI().matches("^/v\\d+\\.\\d+/.*");
    }

    /** The Graph API error envelope: {@code {"error":{"message","type","code","error_data","fbtrace_id"}}}. */
    public static Map<String, Object> cloud(int code, String message, String details) {
        return Map.of("error", Map.of(
                "message", message,
                "type", "OAuthException",
                "code", code,
                "error_data", Map.of("messaging_product", "whatsapp", "details", details),
                "fbtrace_id", "A" + UUID.randomUUID().toString().replace("-", "").substring(0, 22)));
    }

    /** The Cloud API's 500 (error code 2), the same whether or not the message was accepted. */
    public static Map<String, Object> cloudServerError() {
        return cloud(2, "An unexpected error has occurred. Please retry your request later.",
                "Service temporarily unavailable");
    }

    /** Evolution's 500, the same whether or not the message was accepted. */
    public static Map<String, Object> evolutionServerError() {
        return evolution(500, "Internal Server Error", "Connection Closed");
    }

    /** Evolution API's error body: {@code {"status", "error", "response": {"message": [...]}}}. */
    public static Map<String, Object> evolution(int status, String error, Object message) {
        return Map.of("status", status, "error", error, "response",
                Map.of("message", message instanceof List<?> ? message : List.of(message)));
    }
}
