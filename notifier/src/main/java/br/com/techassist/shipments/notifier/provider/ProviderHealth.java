package br.com.techassist.shipments.notifier.provider;

/**
 * The answer of a provider's health check ({@code GET /instance/connectionState/{instance}} for
 * Evolution, the phone number's Graph node for the Cloud API).
 *
 * @param up true when sends can be made
 * @param cause when not up, why (DISCONNECTED when the provider cannot be reached or its WhatsApp
 *     connection is not open)
 * @param detail what the check saw, for logs and alerts (no personal data)
 */
public record ProviderHealth(boolean up, PauseCause cause, String detail) {

    public static ProviderHealth up(String detail) {
        return new ProviderHealth(true, null, detail);
    }

    public static ProviderHealth down(PauseCause cause, String detail) {
        return new ProviderHealth(false, cause, detail);
    }
}
