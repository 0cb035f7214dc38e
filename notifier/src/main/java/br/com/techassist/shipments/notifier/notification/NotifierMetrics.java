package br.com.techassist.shipments.notifier.notification;

import br.com.techassist.shipments.model.NotificationKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** The notifier's business meters (listed in the module README). */
@Component
public class NotifierMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong uncertain = new AtomicLong();
    private final AtomicInteger halted = new AtomicInteger();

    NotifierMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("notifier.inflight", inFlight, AtomicInteger::get)
                .description("Sends waiting for the provider's answer")
                .register(registry);
        Gauge.builder("notifier.uncertain", uncertain, AtomicLong::get)
                .description("Notifications in UNCERTAIN state (may or may not have been sent; need a look)")
                .register(registry);
        Gauge.builder("notifier.provider.halted", halted, AtomicInteger::get)
                .description("1 while every send is paused (provider disconnected, credentials or configuration refused, quality limits)")
                .register(registry);
    }

    /** A provider answer (or lack of one): outcome = sent, retry, failed, uncertain, auth_failed. */
    public void message(NotificationKind kind, String provider, String outcome) {
        Counter.builder("notifier.messages")
                .description("Send attempts by kind, provider and outcome")
                .tags("kind", kind.name(), "provider", provider, "outcome", outcome)
                .register(registry)
                .increment();
    }

    /** A message deliberately not sent: reason = no_whatsapp, opted_out, superseded, erased. */
    public void suppressed(NotificationKind kind, String reason) {
        Counter.builder("notifier.suppressed")
                .description("Messages not sent on purpose, by reason")
                .tags("kind", kind.name(), "reason", reason)
                .register(registry)
                .increment();
    }

    /** Time from the Correios event that made the message due to the provider accepting it. */
    public void eventToMessage(NotificationKind kind, Duration elapsed) {
        Timer.builder("notifier.event.to.message")
                .description("From the Correios event to the provider accepting the message")
                .tags("kind", kind.name())
                .register(registry)
                .record(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }

    public void providerCall(String provider, String outcome, Duration elapsed) {
        Timer.builder("notifier.provider.requests")
                .description("Provider send calls")
                .tags("provider", provider, "outcome", outcome)
                .register(registry)
                .record(elapsed);
    }

    /** A status webhook: status = sent, delivered, read, failed; applied = whether it changed anything. */
    public void webhookStatus(String status, boolean applied) {
        Counter.builder("notifier.webhook.statuses")
                .description("Provider status webhooks received")
                .tags("status", status, "applied", Boolean.toString(applied))
                .register(registry)
                .increment();
    }

    /** A message made due again: why = contact_corrected, operator_not_sent, operator_retry. */
    public void reopened(NotificationKind kind, String why) {
        Counter.builder("notifier.reopened")
                .description("Messages made due again after a FAILED, SUPPRESSED or UNCERTAIN state, by why")
                .tags("kind", kind.name(), "why", why)
                .register(registry)
                .increment();
    }

    /** Every send through {@code provider} stopped: cause = disconnected, credentials, configuration, quality. */
    public void pause(String provider, String cause) {
        Counter.builder("notifier.provider.pauses")
                .description("Times sending through the provider was paused as a whole, by cause")
                .tags("provider", provider, "cause", cause)
                .register(registry)
                .increment();
    }

    /** A status webhook proved a send whose outcome was not settled went out: from = uncertain, pending, suppressed (erased). */
    public void settledByWebhook(NotificationKind kind, String provider, String from) {
        Counter.builder("notifier.settled.by.webhook")
                .description("Sends with an unsettled outcome that a status webhook proved sent (never resent)")
                .tags("kind", kind.name(), "provider", provider, "from", from)
                .register(registry)
                .increment();
    }

    /**
     * One reconciliation step of an UNCERTAIN send: result = sent (found in the provider's record),
     * not_found, resent (proved not sent: resent once), unproven (nothing proven either way yet),
     * given_up (left UNCERTAIN for an operator), erased (its recipient was erased: SUPPRESSED, not
     * reconciled), error (the record could not be read).
     */
    public void reconciliation(String provider, String result) {
        Counter.builder("notifier.reconciliations")
                .description("Reconciliation steps of sends with an unknown outcome, by result")
                .tags("provider", provider, "result", result)
                .register(registry)
                .increment();
    }

    /** A webhook call refused or a part of it that could not be used: source = evolution, whatsapp. */
    public void webhookRefused(String source, String reason) {
        Counter.builder("notifier.webhook.refused")
                .description("Webhook calls refused (bad credential, other instance) or parts not usable")
                .tags("source", source, "reason", reason)
                .register(registry)
                .increment();
    }

    public void optOut() {
        Counter.builder("notifier.opt.outs").description("Customers who asked for no more messages").register(registry).increment();
    }

    public AtomicInteger inFlight() {
        return inFlight;
    }

    public void uncertain(long count) {
        uncertain.set(count);
    }

    public void halted(boolean on) {
        halted.set(on ? 1 : 0);
    }
}
