package br.com.techassist.shipments.ingest.registration;

import br.com.techassist.shipments.model.EventIds;
import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.support.audit.AuditRecord;
import br.com.techassist.shipments.support.audit.AuditTrail;
import br.com.techassist.shipments.support.outbox.Outbox;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A code registered by hand that a pre-posting later describes with another recipient is not
 * dropped silently: a {@code REGISTRATION_CONFLICT} alert (once per code) carries both versions with
 * personal data masked (the manual one as the audit trail recorded it) and who registered it by
 * hand. The manual registration is kept: an operator decides which is right.
 */
@Component
public class RegistrationConflicts {

    private static final Logger log = LoggerFactory.getLogger(RegistrationConflicts.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Registrations registrations;
    private final AuditTrail audit;
    private final Outbox outbox;

    RegistrationConflicts(Registrations registrations, AuditTrail audit, Outbox outbox) {
        this.registrations = registrations;
        this.audit = audit;
        this.outbox = outbox;
    }

    /**
     * Reports the pre-postings among {@code known} (codes registered already) that contradict a manual
     * registration, each code once ever; returns how many were reported.
     */
    @Transactional
    public int report(Collection<ShipmentRegistered> known, OffsetDateTime now) {
        Set<String> conflicts = new HashSet<>(registrations.newManualConflicts(known, now.toInstant()));
        int reported = 0;
        for (ShipmentRegistered prePosting : known) {
            if (conflicts.remove(prePosting.trackingCode())) {
                outbox.enqueue(alert(prePosting, manualRegistration(prePosting.trackingCode()), now));
                reported++;
            }
        }
        return reported;
    }

    private Optional<AuditRecord> manualRegistration(String code) {
        List<AuditRecord> records = audit.of(code);
        return records.stream().filter(r -> "shipment.registered".equals(r.action())).findFirst();
    }

    private static ShipmentAlert alert(ShipmentRegistered prePosting, Optional<AuditRecord> manual, OffsetDateTime now) {
        String code = prePosting.trackingCode();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("manual", manual.map(r -> String.valueOf(r.after())).orElse("(not in the audit trail)"));
        details.put("prePosting", JSON.writeValueAsString(MaskedRegistration.of(prePosting)));
        details.put("registeredBy", manual.map(AuditRecord::actor).orElse("unknown"));
        if (prePosting.prePostingId() != null) {
            details.put("prePostingId", prePosting.prePostingId());
        }
        String message = code + " was registered by hand (by " + details.get("registeredBy") + ") and pre-posting "
                + (prePosting.prePostingId() != null ? prePosting.prePostingId() : "-")
                + " names another recipient; the manual registration was kept: check which one is right";
        log.warn("registration conflict: {}", message);
        return new ShipmentAlert(EventIds.of("ShipmentAlert", "REGISTRATION_CONFLICT", code), now, code,
                ShipmentAlert.AlertType.REGISTRATION_CONFLICT, ShipmentAlert.Severity.WARNING, message, details);
    }
}
