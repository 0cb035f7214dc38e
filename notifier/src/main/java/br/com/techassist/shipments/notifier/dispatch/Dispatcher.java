package br.com.techassist.shipments.notifier.dispatch;

import br.com.techassist.shipments.notifier.NotifierProperties;
import br.com.techassist.shipments.notifier.notification.DispatchSignal;
import br.com.techassist.shipments.notifier.notification.NotificationState;
import br.com.techassist.shipments.notifier.notification.Notifications;
import br.com.techassist.shipments.notifier.notification.NotifierMetrics;
import br.com.techassist.shipments.notifier.provider.SendOutcome;
import br.com.techassist.shipments.notifier.provider.WhatsAppProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The only place messages are sent from. Each pass it turns stale claims into UNCERTAIN, then picks
 * the PENDING rows that are due and, for each, claims it and calls the provider on a virtual thread,
 * paced by {@code notifier.provider-rate} and {@code notifier.max-in-flight}. Quiet hours, waiting
 * for the contact and retries with back-off are all "not due yet" ({@code next_attempt_at}).
 */
@Component
class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Notifications notifications;
    private final SendClaims claims;
    private final SendOutcomes outcomes;
    private final WhatsAppProvider provider;
    private final NotifierMetrics metrics;
    private final DispatchSignal signal;
    private final NotifierProperties props;
    private final Clock clock;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile Instant haltedUntil;
    private Thread worker;
    private Throttle throttle;
    private long lastSweep;

    Dispatcher(Notifications notifications, SendClaims claims, SendOutcomes outcomes, WhatsAppProvider provider,
            NotifierMetrics metrics, DispatchSignal signal, NotifierProperties props, Clock clock) {
        this.notifications = notifications;
        this.claims = claims;
        this.outcomes = outcomes;
        this.provider = provider;
        this.metrics = metrics;
        this.signal = signal;
        this.props = props;
        this.clock = clock;
    }

    private void loop() {
        while (running) {
            try {
                signal.await(props.dispatchInterval());
                if (running) {
                    pass();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("dispatch pass failed, retrying in {}: {}", props.dispatchInterval(), e.toString());
            }
        }
    }

    /** One pass: sweep stale claims now and then, then start every due send there is room for. */
    void pass() throws InterruptedException {
        long nowNanos = System.nanoTime();
        if (lastSweep == 0 || nowNanos - lastSweep >= props.dispatchInterval().multipliedBy(5).toNanos()) {
            sweep();
            lastSweep = nowNanos;
        }
        if (halted()) {
            return;
        }
        int room = throttle.available();
        if (room <= 0) {
            return;
        }
        int batch = Math.min(room, 500);
        List<String> due = notifications.due(clock.instant(), batch);
        for (String id : due) {
            if (!running || halted()) {
                return;
            }
            if (inFlight.add(id)) {
                throttle.submit(() -> send(id));
            }
        }
        if (due.size() == batch) {
            signal.now();
        }
    }

    private void send(String id) {
        metrics.inFlight().incrementAndGet();
        try {
            Optional<Claim> claim = claims.claim(id);
            if (claim.isEmpty()) {
                return;
            }
            long start = System.nanoTime();
            SendOutcome outcome;
            try {
                outcome = provider.send(claim.get().message());
            } catch (RuntimeException e) {
                outcome = new SendOutcome.Unknown("provider adapter threw " + e);
            }
            metrics.providerCall(provider.name(), outcome.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT),
                    Duration.ofNanos(System.nanoTime() - start));
            if (outcomes.record(claim.get(), provider.name(), outcome)) {
                haltedUntil = clock.instant().plus(props.authFailurePause());
                metrics.halted(true);
            }
        } catch (RuntimeException e) {
            // a claimed row left in SENDING becomes UNCERTAIN at the next sweep: never resent blindly
            log.error("sending notification {} failed: {}", id, e.toString(), e);
        } finally {
            metrics.inFlight().decrementAndGet();
            inFlight.remove(id);
        }
    }

    /** Claims older than {@code notifier.uncertain-after} without an answer become UNCERTAIN. */
    void sweep() {
        Instant before = clock.instant().minus(props.uncertainAfter());
        for (String id : notifications.claimedBefore(before)) {
            if (!inFlight.contains(id)) {
                outcomes.expire(id);
            }
        }
        metrics.uncertain(notifications.count(NotificationState.UNCERTAIN));
    }

    private boolean halted() {
        Instant until = haltedUntil;
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        haltedUntil = null;
        metrics.halted(false);
        log.info("resuming sends through {}", provider.name());
        return false;
    }

    @Override
    public void start() {
        throttle = new Throttle(props.providerRate(), props.maxInFlight());
        running = true;
        worker = Thread.ofPlatform().name("notifier-dispatcher").daemon().start(this::loop);
        signal.now();
    }

    @Override
    public void stop() {
        running = false;
        signal.now();
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (throttle != null) {
            throttle.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stops before the outbox relay (MAX - 100), the Kafka producer and the data source
        return Integer.MAX_VALUE - 50;
    }
}
