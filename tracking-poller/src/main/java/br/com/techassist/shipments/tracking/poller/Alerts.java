package br.com.techassist.shipments.tracking.poller;

import br.com.techassist.shipments.model.CorreiosEvent;
import br.com.techassist.shipments.model.EventIds;
import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.ShipmentAlert.AlertType;
import br.com.techassist.shipments.model.ShipmentAlert.Severity;
import br.com.techassist.shipments.tracking.milestone.MilestoneMapping;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The operator alerts of tracking-poller. Each id is derived from what the alert is about, so the
 * same situation seen again (next poll, another instance, a restart) yields the same id and is
 * emitted once.
 */
final class Alerts {

    private Alerts() {}

    static ShipmentAlert invalidCode(String code, String message, Instant now) {
        return alert(code, AlertType.INVALID_TRACKING_CODE, Severity.WARNING, List.of(),
                "Correios says " + code + " is not a valid object (" + message + "); polling stopped", now,
                Map.of("correiosMessage", message));
    }

    static ShipmentAlert neverPosted(String code, Instant registeredAt, Instant now) {
        return alert(code, AlertType.NEVER_POSTED, Severity.WARNING, List.of(),
                code + " was registered at " + registeredAt + " and never posted; polling stopped", now,
                Map.of("registeredAt", registeredAt.toString()));
    }

    static ShipmentAlert stalled(String code, Milestone milestone, Instant lastEventAt, Instant now) {
        return alert(code, AlertType.STALLED, Severity.WARNING, List.of(lastEventAt),
                code + " has had no new Correios event since " + lastEventAt + " (at " + milestone + ")", now,
                Map.of("milestone", milestone.name(), "lastEventAt", lastEventAt.toString()));
    }

    static ShipmentAlert unknownEvent(String code, CorreiosEvent event, Instant now) {
        Map<String, String> details = eventDetails(event);
        details.put("mappingVersion", MilestoneMapping.VERSION);
        return alert(code, AlertType.UNKNOWN_EVENT_CODE, Severity.WARNING, eventKey(event),
                "unknown Correios event " + event.code() + "/" + event.type() + " (" + event.description() + ") on "
                        + code + "; milestone unchanged, polling continues", now, details);
    }

    static ShipmentAlert deliveryReversed(String code, Milestone milestone, CorreiosEvent cause, Instant now) {
        Map<String, String> details = eventDetails(cause);
        details.put("milestone", milestone.name());
        return alert(code, AlertType.DELIVERY_REVERSED, Severity.CRITICAL, eventKey(cause),
                code + " was delivered but is now " + milestone + " (" + cause.code() + "/" + cause.type()
                        + "); the customer is not messaged again", now, details);
    }

    static ShipmentAlert ended(String code, Milestone milestone, CorreiosEvent cause, Instant now) {
        AlertType type = milestone == Milestone.LOST ? AlertType.LOST : AlertType.RETURNED;
        Severity severity = milestone == Milestone.LOST ? Severity.CRITICAL : Severity.WARNING;
        return alert(code, type, severity, eventKey(cause),
                code + " is " + milestone + " (" + cause.code() + "/" + cause.type() + " " + cause.description() + ")",
                now, eventDetails(cause));
    }

    private static List<Object> eventKey(CorreiosEvent event) {
        return java.util.Arrays.asList(event.code(), event.type(),
                event.occurredAt() == null ? "" : event.occurredAt().toInstant());
    }

    private static Map<String, String> eventDetails(CorreiosEvent event) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("code", Objects.toString(event.code(), ""));
        details.put("type", Objects.toString(event.type(), ""));
        details.put("description", Objects.toString(event.description(), ""));
        details.put("occurredAt", Objects.toString(event.occurredAt(), ""));
        return details;
    }

    private static ShipmentAlert alert(String code, AlertType type, Severity severity, List<Object> key,
            String message, Instant now, Map<String, String> details) {
        Object[] parts = new Object[key.size() + 1];
        parts[0] = code;
        for (int i = 0; i < key.size(); i++) {
            parts[i + 1] = key.get(i);
        }
        UUID id = EventIds.of("ShipmentAlert." + type.name(), parts);
        return new ShipmentAlert(id, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), code, type, severity, message,
                details);
    }
}
