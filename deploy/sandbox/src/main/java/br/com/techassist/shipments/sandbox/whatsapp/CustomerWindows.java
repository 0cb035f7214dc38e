package br.com.techassist.shipments.sandbox.whatsapp;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * WhatsApp's customer service window: a message from a customer opens (or refreshes) 24 h during
 * which free-form messages may be sent to them; outside it only templates (Cloud API 131047).
 */
@Component
class CustomerWindows {

    static final Duration WINDOW = Duration.ofHours(24);

    private final ConcurrentHashMap<String, Instant> lastInbound = new ConcurrentHashMap<>();

    void received(String waId, Instant at) {
        lastInbound.merge(waId, at, (previous, next) -> next.isAfter(previous) ? next : previous);
    }

    boolean open(String waId, Instant now) {
        Instant last = lastInbound.get(waId);
        return last != null && now.isBefore(last.plus(WINDOW));
    }

    void clear() {
        lastInbound.clear();
    }
}
