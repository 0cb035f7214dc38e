package br.com.techassist.shipments.notifier.provider;

/** The port every WhatsApp provider implements. Implementations never throw: every failure is an outcome. */
public interface WhatsAppProvider {

    /** The value of {@code WHATSAPP_PROVIDER} this adapter serves, used in events and metrics. */
    String name();

    SendOutcome send(OutgoingMessage message);
}
