package br.com.techassist.shipments.notifier.webhook;

import br.com.techassist.shipments.notifier.notification.NotifierMetrics;
import br.com.techassist.shipments.notifier.notification.OptOuts;
import br.com.techassist.shipments.support.logging.Masking;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What a customer wrote to us, from any provider's webhook: a text saying SAIR, PARAR, STOP or
 * CANCELAR records an opt-out for that number (keyed without the ninth digit, so both forms stop).
 */
@Component
class InboundMessages {

    private static final Logger log = LoggerFactory.getLogger(InboundMessages.class);

    private final OptOuts optOuts;
    private final NotifierMetrics metrics;

    InboundMessages(OptOuts optOuts, NotifierMetrics metrics) {
        this.optOuts = optOuts;
        this.metrics = metrics;
    }

    /** The keyword of an opt-out text, if it is one. */
    Optional<String> optOutKeyword(String text) {
        return OptOutKeywords.match(text);
    }

    /** A text {@code from} a phone number (digits) received through {@code provider}. */
    void received(String from, String text, String provider) {
        Optional<String> keyword = OptOutKeywords.match(text);
        if (from != null && keyword.isPresent() && optOuts.record(from, keyword.get())) {
            metrics.optOut();
            log.info("{} opted out ({}) through {}: no more messages to this number", Masking.phone(from), keyword.get(),
                    provider);
        }
    }

    /** The text of a JSON field, or null when it is missing or null. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asString();
    }
}
