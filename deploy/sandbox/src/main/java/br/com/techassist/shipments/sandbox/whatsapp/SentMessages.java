package br.com.techassist.shipments.sandbox.whatsapp;

import br.com.techassist.shipments.sandbox.SandboxProperties;
import br.com.techassist.shipments.sandbox.clock.SimulatedClock;
import br.com.techassist.shipments.sandbox.scenario.WireTime;
import br.com.techassist.shipments.sandbox.whatsapp.SentMessage.Delivery;
import br.com.techassist.shipments.sandbox.whatsapp.SentMessage.Template;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Every message sent through the fake WhatsApp APIs, in sending order. Thread-safe. */
@Component
class SentMessages {

    private static final Logger log = LoggerFactory.getLogger(SentMessages.class);

    private final ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<String, SentMessage> byId = new ConcurrentHashMap<>();
    private final AtomicInteger kept = new AtomicInteger();
    private final int maxKept;
    private final SimulatedClock clock;
    private final MeterRegistry meters;

    SentMessages(SandboxProperties properties, SimulatedClock clock, MeterRegistry meters) {
        this.maxKept = properties.whatsapp().maxKeptMessages();
        this.clock = clock;
        this.meters = meters;
    }

    SentMessage record(String id, String provider, String to, @Nullable String waId, String kind,
            @Nullable String text, @Nullable Template template, Delivery delivery) {
        SentMessage message = new SentMessage(id, provider, to, waId, kind, text, template, Instant.now(),
                WireTime.format(clock.now()), delivery, delivery == Delivery.DELIVERED,
                delivery == Delivery.REJECTED ? "rejected" : "accepted");
        byId.put(id, message);
        order.add(id);
        if (kept.incrementAndGet() > maxKept) {
            String oldest = order.poll();
            if (oldest != null) {
                byId.remove(oldest);
                kept.decrementAndGet();
            }
        }
        Counter.builder("sandbox.whatsapp.messages")
                .description("Messages received by the fake WhatsApp APIs")
                .tag("provider", provider)
                .tag("delivery", delivery.name().toLowerCase(Locale.ROOT))
                .register(meters)
                .increment();
        log.info("WhatsApp {} {} to {}: {}", provider, template != null ? "template " + template.name() : kind,
                mask(to), delivery);
        return message;
    }

    void status(String id, String status) {
        byId.computeIfPresent(id, (key, message) -> message.withStatus(status));
    }

    List<SentMessage> list(Predicate<SentMessage> filter) {
        List<SentMessage> result = new ArrayList<>();
        for (String id : order) {
            SentMessage message = byId.get(id);
            if (message != null && filter.test(message)) {
                result.add(message);
            }
        }
        return result;
    }

    void clear() {
        order.clear();
        byId.clear();
        kept.set(0);
    }

    /** {@code +55 92 9****-4567}: keeps country, area code, first and last four digits. */
    static String mask(String number) {
        String digits = number.replaceAll("\\D", "");
        if (digits.length() < 8) {
            return "*".repeat(digits.length());
        }
        return "+" + digits.substring(0, 2) + " " + digits.substring(2, 4) + " " + digits.charAt(4)
                + "*".repeat(digits.length() - 9) + "-" + digits.substring(digits.length() - 4);
    }
}
