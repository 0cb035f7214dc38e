package br.com.techassist.shipments.notifier.notification;

import br.com.techassist.shipments.model.EventIds;
import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.ShipmentAlert.AlertType;
import br.com.techassist.shipments.model.ShipmentAlert.Severity;
import br.com.techassist.shipments.support.outbox.Outbox;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Raises operator alerts through the outbox, in the caller's transaction. */
@Component
public class Alerts {

    private final Outbox outbox;
    private final Clock clock;

    Alerts(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Enqueues an alert whose id is derived from {@code idParts}, so raising the same alert again
     * (a redelivery, a second instance) gives the same event id.
     */
    public void raise(String trackingCode, AlertType type, Severity severity, String message, Map<String, String> details,
            Object... idParts) {
        Object[] parts = new Object[idParts.length + 2];
        parts[0] = trackingCode;
        parts[1] = type;
        System.arraycopy(idParts, 0, parts, 2, idParts.length);
        outbox.enqueue(new ShipmentAlert(EventIds.of("ShipmentAlert", parts), OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)),
                trackingCode, type, severity, message, details));
    }
}
