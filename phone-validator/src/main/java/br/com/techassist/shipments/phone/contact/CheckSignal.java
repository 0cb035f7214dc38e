package br.com.techassist.shipments.phone.contact;

import br.com.techassist.shipments.support.worker.Worker;
import org.springframework.stereotype.Component;

/**
 * Wakes the provider-check worker when a contact starts waiting, instead of at its next poll. The
 * registration path signals; {@link PendingChecks} connects its worker.
 */
@Component
class CheckSignal {

    private volatile Worker worker;

    void connect(Worker target) {
        this.worker = target;
    }

    /** Wakes the worker now. */
    void wakeUp() {
        Worker target = worker;
        if (target != null) {
            target.wakeUp();
        }
    }

    /** Wakes the worker after the current transaction commits (at once when there is none). */
    void afterCommit() {
        Worker target = worker;
        if (target != null) {
            target.wakeUpAfterCommit();
        }
    }
}
