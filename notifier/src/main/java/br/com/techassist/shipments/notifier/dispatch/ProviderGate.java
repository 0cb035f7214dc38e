package br.com.techassist.shipments.notifier.dispatch;

import br.com.techassist.shipments.model.ShipmentAlert.AlertType;
import br.com.techassist.shipments.model.ShipmentAlert.Severity;
import br.com.techassist.shipments.notifier.NotifierProperties;
import br.com.techassist.shipments.notifier.notification.Alerts;
import br.com.techassist.shipments.notifier.notification.NotifierMetrics;
import br.com.techassist.shipments.notifier.provider.PauseCause;
import br.com.techassist.shipments.notifier.provider.ProviderHealth;
import br.com.techassist.shipments.notifier.provider.WhatsAppProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether this instance may hand messages to the provider now. An answer that says the provider as a
 * whole cannot send ({@code SendOutcome.Paused}: disconnected, credentials or configuration refused,
 * quality limits) closes the gate; while it is closed the dispatcher asks the provider's health check
 * (a disconnected provider with a back-off from {@code notifier.pause.disconnected-check}, otherwise
 * after {@code notifier.auth-failure-pause} or {@code notifier.pause.quality}), and the gate opens by
 * itself when the check passes. The messages wait as PENDING; none is failed for it.
 *
 * <p>Alerts: credentials ({@code PROVIDER_AUTH_FAILED}) and configuration or quality
 * ({@code PROVIDER_PAUSED}) are CRITICAL at once; a disconnection ({@code WHATSAPP_DISCONNECTED}) is a
 * WARNING once it lasted {@code disconnected-warning-after} and CRITICAL after
 * {@code disconnected-critical-after}; an INFO alert of the same type says when sending resumed.
 */
@Component
class ProviderGate {

    private static final Logger log = LoggerFactory.getLogger(ProviderGate.class);

    /** One pause: what closed the gate, since when, when the health is asked next, which alert was raised. */
    private record Pause(PauseCause cause, String reason, String code, Instant since, Instant nextCheck, Duration interval,
            Severity alerted) {}

    private final WhatsAppProvider provider;
    private final Alerts alerts;
    private final NotifierMetrics metrics;
    private final NotifierProperties props;
    private final Clock clock;
    private Pause pause;

    ProviderGate(WhatsAppProvider provider, Alerts alerts, NotifierMetrics metrics, NotifierProperties props, Clock clock) {
        this.provider = provider;
        this.alerts = alerts;
        this.metrics = metrics;
        this.props = props;
        this.clock = clock;
    }

    synchronized boolean isOpen() {
        return pause == null;
    }

    /**
     * Closes the gate for {@code cause} (or keeps it closed; a worse cause than the current one takes
     * over) and raises the alert the cause calls for at once. Returns when the paused message is due
     * again: at once for a disconnection (it goes when the gate opens), else when the health is asked.
     */
    synchronized Instant close(PauseCause cause, String reason, String code) {
        Instant now = clock.instant();
        if (pause == null || cause.ordinal() > pause.cause().ordinal()) {
            Duration wait = firstWait(cause);
            Instant since = pause == null ? now : pause.since();
            pause = new Pause(cause, reason, code, since, now.plus(wait), wait, pause == null ? null : pause.alerted());
            metrics.halted(true);
            metrics.pause(provider.name(), cause.name().toLowerCase(java.util.Locale.ROOT));
            log.error("sending through {} paused ({}): {}; health check at {}", provider.name(), cause, reason,
                    pause.nextCheck());
            if (cause != PauseCause.DISCONNECTED) {
                raise(Severity.CRITICAL, "every send through " + provider.name() + " stopped (" + describe(cause) + "): "
                        + reason + "; sending resumes by itself when the health check passes");
            }
        }
        return cause == PauseCause.DISCONNECTED ? now : pause.nextCheck();
    }

    /**
     * While the gate is closed: asks the provider's health when it is time, opens the gate when it
     * passes, else waits longer and escalates a disconnection's alert. Returns whether the gate is open.
     */
    boolean check() {
        Pause current;
        synchronized (this) {
            current = pause;
        }
        if (current == null) {
            return true;
        }
        Instant now = clock.instant();
        escalate(current, now);
        if (now.isBefore(current.nextCheck())) {
            return false;
        }
        ProviderHealth health = provider.health();
        synchronized (this) {
            if (pause != current) {
                return pause == null;
            }
            if (health.up()) {
                open(current, now, health);
                return true;
            }
            Duration wait = nextWait(current);
            pause = new Pause(current.cause(), current.reason(), current.code(), current.since(), now.plus(wait), wait,
                    current.alerted());
            log.warn("{} still cannot send ({}); next health check in {}", provider.name(), health.detail(), wait);
            return false;
        }
    }

    private void open(Pause current, Instant now, ProviderHealth health) {
        pause = null;
        metrics.halted(false);
        Duration lasted = Duration.between(current.since(), now);
        log.info("sending through {} resumes after {} ({}: {})", provider.name(), lasted, current.cause(), health.detail());
        if (current.alerted() != null) {
            raise(current, Severity.INFO, provider.name() + " can send again after " + lasted + "; waiting messages go out now");
        }
    }

    /** A disconnection that lasts: WARNING, then CRITICAL. */
    private void escalate(Pause current, Instant now) {
        if (current.cause() != PauseCause.DISCONNECTED) {
            return;
        }
        Duration lasted = Duration.between(current.since(), now);
        Severity due = lasted.compareTo(props.pause().disconnectedCriticalAfter()) >= 0 ? Severity.CRITICAL
                : lasted.compareTo(props.pause().disconnectedWarningAfter()) >= 0 ? Severity.WARNING : null;
        if (due == null || current.alerted() != null && current.alerted().compareTo(due) >= 0) {
            return;
        }
        synchronized (this) {
            if (pause == current) {
                raise(current, due, provider.name() + " has been unable to send for " + lasted + " (" + current.reason()
                        + "); messages wait and go out when it reconnects");
                pause = new Pause(current.cause(), current.reason(), current.code(), current.since(), current.nextCheck(),
                        current.interval(), due);
            }
        }
    }

    private void raise(Severity severity, String message) {
        raise(pause, severity, message);
        pause = new Pause(pause.cause(), pause.reason(), pause.code(), pause.since(), pause.nextCheck(), pause.interval(), severity);
    }

    private void raise(Pause p, Severity severity, String message) {
        AlertType type = switch (p.cause()) {
            case DISCONNECTED -> AlertType.WHATSAPP_DISCONNECTED;
            case CREDENTIALS -> AlertType.PROVIDER_AUTH_FAILED;
            case CONFIGURATION, QUALITY -> AlertType.PROVIDER_PAUSED;
        };
        try {
            alerts.raise(null, type, severity, message, Map.of("provider", provider.name(), "cause", p.cause().name(),
                    "code", p.code() == null ? "" : p.code()), provider.name(), p.since(), severity);
        } catch (RuntimeException e) {
            log.error("could not raise the {} alert ({}): {}", type, severity, e.toString());
        }
    }

    private Duration firstWait(PauseCause cause) {
        return switch (cause) {
            case DISCONNECTED -> props.pause().disconnectedCheck();
            case CREDENTIALS, CONFIGURATION -> props.authFailurePause();
            case QUALITY -> props.pause().quality();
        };
    }

    private Duration nextWait(Pause current) {
        if (current.cause() != PauseCause.DISCONNECTED) {
            return current.interval();
        }
        Duration doubled = current.interval().multipliedBy(2);
        return doubled.compareTo(props.pause().disconnectedCheckMax()) > 0 ? props.pause().disconnectedCheckMax() : doubled;
    }

    private static String describe(PauseCause cause) {
        return switch (cause) {
            case DISCONNECTED -> "disconnected";
            case CREDENTIALS -> "credentials refused";
            case CONFIGURATION -> "account or configuration refused";
            case QUALITY -> "quality or spam limits";
        };
    }
}
