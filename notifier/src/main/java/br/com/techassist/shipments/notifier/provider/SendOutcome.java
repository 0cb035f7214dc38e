package br.com.techassist.shipments.notifier.provider;

/** What a provider said about one send. */
public sealed interface SendOutcome {

    /** Accepted: the provider's message id and, when it says so, the recipient's WhatsApp id. */
    record Accepted(String messageId, String waId) implements SendOutcome {}

    /** Not taken, for a passing reason (rate limit, 5xx, connection refused): try again later. */
    record Retry(String reason, String code) implements SendOutcome {}

    /** Not taken and never will be; {@code noWhatsapp} when the number has no WhatsApp. */
    record Rejected(String reason, String code, boolean noWhatsapp) implements SendOutcome {}

    /** Our credentials were refused: stop sending and call an operator. The message was not taken. */
    record AuthFailed(String reason, String code) implements SendOutcome {}

    /** The request may have reached the provider but no answer was read (timeout, broken connection). */
    record Unknown(String reason) implements SendOutcome {}
}
