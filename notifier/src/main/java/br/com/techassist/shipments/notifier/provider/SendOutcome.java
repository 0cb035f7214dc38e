package br.com.techassist.shipments.notifier.provider;

/**
 * What a provider's answer to one send proves (ARCHITECTURE "Provider answers"): accepted; not
 * accepted and worth trying again; never deliverable to this recipient; the provider as a whole must
 * pause; or nothing at all.
 */
public sealed interface SendOutcome {

    /** Accepted: the provider's message id and, when it says so, the recipient's WhatsApp id. */
    record Accepted(String messageId, String waId) implements SendOutcome {}

    /** Not accepted, for a passing reason of this message (rate limit, throughput): try it again later. */
    record Retry(String reason, String code) implements SendOutcome {}

    /** Not accepted and never will be; {@code noWhatsapp} when the number has no WhatsApp. */
    record Rejected(String reason, String code, boolean noWhatsapp) implements SendOutcome {}

    /**
     * Not accepted because the provider as a whole cannot send now (disconnected, credentials or
     * configuration refused, quality limits): every send stops until its health check passes; the
     * message waits, it is not this message's fault.
     */
    record Paused(String reason, String code, PauseCause cause) implements SendOutcome {}

    /**
     * The request may have reached the provider but the answer proves nothing (5xx, timeout,
     * connection reset after the request was written, an answer nobody can read): UNCERTAIN,
     * reconciled, never resent blind.
     */
    record Unknown(String reason) implements SendOutcome {}
}
