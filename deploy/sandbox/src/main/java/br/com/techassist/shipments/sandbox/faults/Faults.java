package br.com.techassist.shipments.sandbox.faults;

import br.com.techassist.shipments.sandbox.SandboxProperties;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/** The fault settings in force for each fake API, changeable at runtime. Thread-safe. */
@Component
public class Faults {

    private final SandboxProperties.Faults configured;
    private final AtomicReference<FaultSettings> correios;
    private final AtomicReference<FaultSettings> whatsapp;
    private final Sampler acceptThenFail = new Sampler();
    private final Sampler statusFailed = new Sampler();
    private final Sampler statusOutOfOrder = new Sampler();

    public Faults(SandboxProperties properties) {
        this.configured = properties.faults();
        this.correios = new AtomicReference<>(configured.correios());
        this.whatsapp = new AtomicReference<>(configured.whatsapp());
    }

    public FaultSettings correios() {
        return correios.get();
    }

    public FaultSettings whatsapp() {
        return whatsapp.get();
    }

    FaultSettings of(Api api) {
        return api == Api.CORREIOS ? correios() : whatsapp();
    }

    void change(Api api, FaultSettings.FaultChange change) {
        Instant now = Instant.now();
        (api == Api.CORREIOS ? correios : whatsapp).updateAndGet(current -> current.with(change, now));
    }

    /** True while the Evolution connection is closed (knob {@code connectionClosedFor}). */
    public boolean whatsappConnectionClosed() {
        return whatsapp().connectionClosedAt(Instant.now());
    }

    /**
     * Decides for one WhatsApp send whether it is accepted but answered 500: first the countdown
     * {@code acceptThenFailCount}, then the share {@code acceptThenFailRate}.
     */
    public boolean acceptThenFail() {
        AtomicBoolean counted = new AtomicBoolean();
        whatsapp.updateAndGet(current -> {
            counted.set(current.acceptThenFailCount() > 0);
            return counted.get() ? current.withOneAcceptThenFailUsed() : current;
        });
        return counted.get() || acceptThenFail.pick(whatsapp().acceptThenFailRate());
    }

    /** Decides for one accepted WhatsApp message whether its status is a failure (knob {@code statusFailedRate}). */
    public boolean statusFailed() {
        return statusFailed.pick(whatsapp().statusFailedRate());
    }

    /** Decides for one accepted WhatsApp message whether its statuses come in reverse order. */
    public boolean statusOutOfOrder() {
        return statusOutOfOrder.pick(whatsapp().statusOutOfOrderRate());
    }

    /** Back to the start-up configuration. */
    void reset() {
        correios.set(configured.correios());
        whatsapp.set(configured.whatsapp());
    }

    /** The fake APIs that faults apply to. */
    enum Api { CORREIOS, WHATSAPP }
}
