package br.com.techassist.shipments.notifier.provider;

/** Why every send through a provider stops until its health check passes. */
public enum PauseCause {
    /** The provider or its WhatsApp connection is down (Evolution "Connection Closed", connection refused). */
    DISCONNECTED,
    /** Our credentials were refused (401/403, Cloud API 0/190 and permission codes). */
    CREDENTIALS,
    /** The account or configuration is wrong (unknown instance, policy block, template missing or mismatched). */
    CONFIGURATION,
    /** Quality or spam limits (Cloud API 131048, 131049): retrying would worsen the account's standing. */
    QUALITY
}
