package br.com.techassist.shipments.ingest.intake;

import br.com.techassist.shipments.correios.CorreiosAuthenticationException;
import br.com.techassist.shipments.correios.CorreiosException;
import net.javacrumbs.shedlock.core.LockAssert;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A poll under the cluster-wide lock: when several replicas run, only the one holding the
 * {@code prepost-ingest-poll} lock (table {@code shedlock}) polls; the others skip this turn.
 */
@Component
public class PrePostingPollJob {

    private static final Logger log = LoggerFactory.getLogger(PrePostingPollJob.class);

    private final PrePostingIntake intake;

    PrePostingPollJob(PrePostingIntake intake) {
        this.intake = intake;
    }

    /** Polls if this replica gets the lock; Correios failures are logged and retried at the next turn. */
    @SchedulerLock(name = "prepost-ingest-poll", lockAtMostFor = "${ingest.lock-at-most-for:PT30M}",
            lockAtLeastFor = "${ingest.lock-at-least-for:PT10S}")
    public void run() {
        LockAssert.assertLocked();
        try {
            intake.poll();
        } catch (CorreiosAuthenticationException e) {
            log.error("pre-postings: Correios refused our credentials, nothing is registered until fixed: {}",
                    e.getMessage());
        } catch (CorreiosException e) {
            // already logged by the intake; the next turn retries
        }
    }
}
