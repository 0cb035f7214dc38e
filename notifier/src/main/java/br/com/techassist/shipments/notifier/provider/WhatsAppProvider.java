package br.com.techassist.shipments.notifier.provider;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The port every WhatsApp provider implements. Implementations never throw: every failure is an outcome. */
public interface WhatsAppProvider {

    /** The value of {@code WHATSAPP_PROVIDER} this adapter serves, used in events and metrics. */
    String name();

    SendOutcome send(OutgoingMessage message);

    /** Whether sends can be made now; asked while sending is paused. Never throws. */
    ProviderHealth health();

    /**
     * The messages the provider's store says were sent to {@code recipient} (digits) between
     * {@code from} and {@code to}, newest first; empty when the provider keeps no store we can ask
     * (Cloud API: its status webhooks are the record). Throws when the store cannot be read now.
     */
    Optional<List<StoredMessage>> sentMessages(String recipient, Instant from, Instant to);
}
