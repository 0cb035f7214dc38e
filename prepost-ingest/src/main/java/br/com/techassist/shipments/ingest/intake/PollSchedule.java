package br.com.techassist.shipments.ingest.intake;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the poll every {@code ingest.interval} ({@code INGEST_INTERVAL}) unless {@code ingest.scheduling-enabled=false}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "ingest.scheduling-enabled", matchIfMissing = true)
class PollSchedule {

    private final PrePostingPollJob job;

    PollSchedule(PrePostingPollJob job) {
        this.job = job;
    }

    @Scheduled(fixedDelayString = "${ingest.interval:PT5M}", initialDelayString = "${ingest.initial-delay:PT10S}")
    void poll() {
        job.run();
    }
}
