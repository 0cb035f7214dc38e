package br.com.techassist.shipments.sandbox.whatsapp;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message a client sent through one of the fake WhatsApp APIs, as {@code GET /sandbox/whatsapp/messages} shows it.
 *
 * @param id the provider's message id ({@code wamid.…} or Evolution's key id)
 * @param provider {@code cloud-api} or {@code evolution}
 * @param to the number exactly as the client addressed it
 * @param waId the account that received it, or null when none did
 * @param kind {@code template} or {@code text} (or the Cloud API type sent)
 * @param text the text, for text messages
 * @param template name, language and parameters, for template messages
 * @param sentAt real time of the send
 * @param simulatedAt the sandbox's simulated Brasília time of the send
 * @param delivery what happened to it
 * @param delivered true when a real account received it
 * @param status the last status reported (Cloud API: sent, delivered, read, failed)
 */
public record SentMessage(
        String id,
        String provider,
        String to,
        @Nullable String waId,
        String kind,
        @Nullable String text,
        @Nullable Template template,
        Instant sentAt,
        String simulatedAt,
        Delivery delivery,
        boolean delivered,
        String status) {

    /** What happened to a message. */
    public enum Delivery {
        /** An account received it. */
        DELIVERED,
        /** Sent to the wrong ninth-digit form of an existing account: a chat nobody reads (Evolution). */
        GHOST,
        /** No account in either form: the Cloud API accepted it and later reports failure 131026. */
        UNDELIVERABLE,
        /** Refused at once (Evolution 400, exists false). */
        REJECTED
    }

    /** A template message's name, language and body parameters in order. */
    public record Template(String name, @Nullable String language, List<String> parameters) {}

    SentMessage withStatus(String newStatus) {
        return new SentMessage(id, provider, to, waId, kind, text, template, sentAt, simulatedAt, delivery,
                delivered && !newStatus.equals("failed"), newStatus);
    }
}
