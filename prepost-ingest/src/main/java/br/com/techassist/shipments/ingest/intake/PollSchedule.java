package br.com.techassist.shipments.ingest.intake;

import br.com.techassist.shipments.ingest.IngestProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.TransactionException;

/** Runs the poll every {@code ingest.interval} ({@code INGEST_INTERVAL}) unless {@code ingest.scheduling-enabled=false}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "ingest.scheduling-enabled", matchIfMissing = true)
class PollSchedule {

    private static final Logger log = LoggerFactory.getLogger(PollSchedule.class);

    private final PrePostingPollJob job;

    PollSchedule(PrePostingPollJob job, IngestProperties props) {
        this.job = job;
        if (props.lockAtLeastFor().compareTo(props.interval()) > 0) {
            log.warn("ingest.lock-at-least-for ({}) is longer than ingest.interval ({}): the poll runs at most every {}",
                    props.lockAtLeastFor(), props.interval(), props.lockAtLeastFor());
        }
    }

    @Scheduled(fixedDelayString = "${ingest.interval:PT5M}", initialDelayString = "${ingest.initial-delay:PT10S}")
    void poll() {
        try {
            job.run();
        } catch (DataAccessException | TransactionException e) {
            // the lock table or the registrations are out of reach (failover, restart): a page is one
            // transaction, so nothing is registered half-way; the next turn polls again
            log.warn("pre-postings: database unavailable, this turn is skipped and the next one polls again: {}",
                    e.getMostSpecificCause().toString());
        }
    }
}
