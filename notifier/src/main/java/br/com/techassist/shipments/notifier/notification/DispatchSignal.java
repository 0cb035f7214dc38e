package br.com.techassist.shipments.notifier.notification;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Wakes the dispatcher when something may have become due, after the transaction that caused it commits. */
@Component
public class DispatchSignal {

    private final Semaphore signal = new Semaphore(0);

    public void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.release();
                }
            });
        } else {
            signal.release();
        }
    }

    public void now() {
        signal.release();
    }

    /** Waits for a signal or {@code timeout}, then forgets the other pending signals. */
    public void await(Duration timeout) throws InterruptedException {
        signal.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        signal.drainPermits();
    }
}
