package br.com.techassist.shipments.sandbox.faults;

import br.com.techassist.shipments.sandbox.SandboxProperties;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/** The fault settings in force for each fake API, changeable at runtime. Thread-safe. */
@Component
public class Faults {

    private final SandboxProperties.Faults configured;
    private final AtomicReference<FaultSettings> correios;
    private final AtomicReference<FaultSettings> whatsapp;

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
        (api == Api.CORREIOS ? correios : whatsapp).updateAndGet(current -> current.with(change));
    }

    /** Back to the start-up configuration. */
    void reset() {
        correios.set(configured.correios());
        whatsapp.set(configured.whatsapp());
    }

    /** The fake APIs that faults apply to. */
    enum Api { CORREIOS, WHATSAPP }
}
