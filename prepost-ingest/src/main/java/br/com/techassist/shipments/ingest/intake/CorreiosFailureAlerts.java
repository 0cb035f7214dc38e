package br.com.techassist.shipments.ingest.intake;

import br.com.techassist.shipments.correios.CorreiosException;
import br.com.techassist.shipments.model.EventIds;
import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.support.outbox.Outbox;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises a CRITICAL {@link ShipmentAlert.AlertType#CORREIOS_API_ERROR} alert when the Pré-Postagem
 * listing answers what only a wrong setup explains: a 404 that is not the API's own "nothing
 * found" (wrong base URL, path or API version, a gateway page). One alert per hour at most: this
 * replica raises it once per hour, and its event id is derived from the hour, so consumers
 * de-duplicate what several replicas raise. Every failure is logged.
 */
@Component
class CorreiosFailureAlerts {

    private static final Logger log = LoggerFactory.getLogger(CorreiosFailureAlerts.class);

    private final Outbox outbox;
    private final AtomicReference<@Nullable OffsetDateTime> lastAlertHour = new AtomicReference<>();

    CorreiosFailureAlerts(Outbox outbox) {
        this.outbox = outbox;
    }

    /** True for a failure that retrying cannot fix and an operator must see. */
    static boolean needsOperator(CorreiosException e) {
        return e.status() == 404;
    }

    @Transactional
    void raise(CorreiosException e, OffsetDateTime now) {
        log.error("pre-postings: Correios answered HTTP {} where only a wrong setup explains it (base URL, path or API "
                + "version?); nothing is read until it is fixed: {}", e.status(), e.getMessage());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("api", "prepostagem");
        details.put("status", Integer.toString(e.status()));
        details.put("detail", e.getMessage().length() > 500 ? e.getMessage().substring(0, 500) : e.getMessage());
        OffsetDateTime hour = now.truncatedTo(ChronoUnit.HOURS);
        if (hour.equals(lastAlertHour.getAndSet(hour))) {
            return;
        }
        outbox.enqueue(new ShipmentAlert(EventIds.of("ShipmentAlert", "CORREIOS_API_ERROR", "prepostagem",
                        e.status(), hour.toInstant()), now, null, ShipmentAlert.AlertType.CORREIOS_API_ERROR,
                ShipmentAlert.Severity.CRITICAL, "Correios Pré-Postagem answered HTTP " + e.status()
                        + " without its 'nothing found' answer: pre-postings cannot be read (check CORREIOS_BASE_URL and"
                        + " the API path/version)", details));
    }
}
