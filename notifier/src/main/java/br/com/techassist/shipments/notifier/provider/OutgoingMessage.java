package br.com.techassist.shipments.notifier.provider;

import br.com.techassist.shipments.model.NotificationKind;
import java.util.List;

/**
 * A message ready for a provider: the rendered text (Evolution, sandbox) and the template with its
 * body parameters (Cloud API). {@code to} is digits only: the WhatsApp id when known.
 */
public record OutgoingMessage(
        String notificationId,
        String trackingCode,
        NotificationKind kind,
        String to,
        String text,
        String template,
        String language,
        List<String> parameters) {

    public OutgoingMessage {
        parameters = List.copyOf(parameters);
    }
}
