package br.com.techassist.shipments.tracking.poller;

import br.com.techassist.shipments.support.worker.Worker;
import br.com.techassist.shipments.tracking.TrackingProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs a {@link PollingCycle} every tick while the application runs ({@code tracking.poll.enabled}),
 * on the shared {@link Worker} loop. A failed cycle is tried again at the next tick: Correios
 * outages are paused inside the cycle itself.
 */
@Component
class PollingLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

    private final PollSchedule schedule;
    private final boolean enabled;
    private final Worker worker;
    private volatile boolean running;

    PollingLoop(PollingCycle cycle, PollSchedule schedule, TrackingProperties props) {
        this.schedule = schedule;
        this.enabled = props.poll().enabled();
        this.worker = Worker.of("tracking-poller", schedule.tick(), schedule.tick(), () -> {
            cycle.runOnce();
            return false;
        });
    }

    @Override
    public void start() {
        running = true;
        if (!enabled) {
            log.info("automatic polling is off (tracking.poll.enabled=false)");
            return;
        }
        log.info("polling every {}", schedule.tick());
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        worker.stop(Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stops before the outbox relay, the Kafka listeners and the data source
        return Integer.MAX_VALUE - 50;
    }
}
