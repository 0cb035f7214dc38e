package br.com.techassist.shipments.phone.contact;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Wakes the provider-check worker when a contact starts waiting, instead of at its next poll. */
@Component
class CheckSignal {

    private final Semaphore permits = new Semaphore(0);

    /** Wakes the worker after the current transaction commits (at once when there is none). */
    void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    permits.release();
                }
            });
        } else {
            permits.release();
        }
    }

    void wakeUp() {
        permits.release();
    }

    /** Waits for a signal or {@code timeout}, whichever comes first. */
    void await(Duration timeout) throws InterruptedException {
        permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        permits.drainPermits();
    }
}
