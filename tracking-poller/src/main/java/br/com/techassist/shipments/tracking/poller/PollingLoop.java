package br.com.techassist.shipments.tracking.poller;

import br.com.techassist.shipments.tracking.TrackingProperties;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs a {@link PollingCycle} every tick while the application runs ({@code tracking.poll.enabled}). */
@Component
class PollingLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

    private final PollingCycle cycle;
    private final PollSchedule schedule;
    private final boolean enabled;
    private volatile boolean running;
    private @Nullable Thread worker;

    PollingLoop(PollingCycle cycle, PollSchedule schedule, TrackingProperties props) {
        this.cycle = cycle;
        this.schedule = schedule;
        this.enabled = props.poll().enabled();
    }

    @Override
    public void start() {
        running = true;
        if (!enabled) {
            log.info("automatic polling is off (tracking.poll.enabled=false)");
            return;
        }
        log.info("polling every {}", schedule.tick());
        worker = Thread.ofPlatform().name("tracking-poller").daemon().start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                cycle.runOnce();
            } catch (RuntimeException e) {
                log.warn("polling cycle failed, trying again next tick: {}", e.toString());
            }
            try {
                TimeUnit.NANOSECONDS.sleep(schedule.tick().toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
