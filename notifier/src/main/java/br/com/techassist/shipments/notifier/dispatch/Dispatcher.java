package br.com.techassist.shipments.notifier.dispatch;

import br.com.techassist.shipments.notifier.NotifierProperties;
import br.com.techassist.shipments.notifier.notification.DispatchSignal;
import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.notifier.notification.NotificationState;
import br.com.techassist.shipments.notifier.notification.Notifications;
import br.com.techassist.shipments.notifier.notification.NotifierMetrics;
import br.com.techassist.shipments.notifier.provider.SendOutcome;
import br.com.techassist.shipments.notifier.provider.WhatsAppProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The only place messages are sent from. Each pass it turns stale claims into UNCERTAIN, then claims
 * a batch of the PENDING rows that are due in one transaction and hands it to the starter thread,
 * which calls the provider for each on a virtual thread, paced by {@code notifier.provider-rate} and
 * {@code notifier.max-in-flight}, while the next batch is claimed; the answers are recorded in
 * groups by an {@link OutcomeWriter}. Quiet hours, waiting for the contact
 * and retries with back-off are all "not due yet" ({@code next_attempt_at}); while the provider as a
 * whole cannot send, the {@link ProviderGate} keeps everything waiting and asks its health.
 */
@Component
class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Notifications notifications;
    private final SendClaims claims;
    private final SendOutcomes outcomes;
    private final ProviderGate gate;
    private final WhatsAppProvider provider;
    private final NotifierMetrics metrics;
    private final DispatchSignal signal;
    private final NotifierProperties props;
    private final Clock clock;
    private static final int OUTCOME_GROUP_MAX = 500;
    private static final int CLAIM_BATCH_MAX = 500;

    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final int claimBatch;
    private volatile boolean running;
    private final SynchronousQueue<List<Claim>> batches = new SynchronousQueue<>();
    private Thread worker;
    private Thread starter;
    private Throttle throttle;
    private OutcomeWriter answers;
    private long lastSweep;

    Dispatcher(Notifications notifications, SendClaims claims, SendOutcomes outcomes, ProviderGate gate,
            WhatsAppProvider provider, NotifierMetrics metrics, DispatchSignal signal, NotifierProperties props, Clock clock) {
        this.notifications = notifications;
        this.claims = claims;
        this.outcomes = outcomes;
        this.gate = gate;
        this.provider = provider;
        this.metrics = metrics;
        this.signal = signal;
        this.props = props;
        this.clock = clock;
        long ahead = (long) Math.ceil(props.providerRate() * (props.claimAhead().toNanos() / 1e9));
        this.claimBatch = (int) Math.clamp(ahead, 1, CLAIM_BATCH_MAX);
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

    /**
     * One pass: sweep stale claims now and then, then claim a batch of due rows (as many as
     * {@code notifier.claim-ahead} of sending at the provider rate, within the in-flight room) in one
     * transaction and start their sends. Claims not started because the service stops or sending was
     * halted are given back (never sent, so PENDING again).
     */
    void pass() throws InterruptedException {
        long nowNanos = System.nanoTime();
        if (lastSweep == 0 || nowNanos - lastSweep >= props.dispatchInterval().multipliedBy(5).toNanos()) {
            sweep();
            lastSweep = nowNanos;
        }
        if (!gate.check()) {
            return;
        }
        int batch = Math.min(throttle.available(), claimBatch);
        if (batch <= 0) {
            // every slot waits for an answer: come back as soon as one is free
            throttle.awaitRoom(props.dispatchInterval());
            signal.now();
            return;
        }
        Instant now = clock.instant();
        List<Notification> picked = notifications.due(now, batch);
        List<Notification> due = picked.stream().filter(n -> !inFlight.contains(n.id())).toList();
        long start = System.nanoTime();
        List<Claim> claimed = claims.claim(due, now);
        if (log.isDebugEnabled()) {
            log.debug("{} of {} due claimed in {} ms", claimed.size(), due.size(), (System.nanoTime() - start) / 1_000_000);
        }
        claimed.forEach(c -> inFlight.add(c.notification().id()));
        metrics.inFlight().addAndGet(claimed.size());
        boolean handedOver = claimed.isEmpty();
        try {
            handedOver = handedOver || handOver(claimed);
        } finally {
            if (!handedOver) {
                giveBack(claimed);
            }
        }
        if (!handedOver) {
            return;
        }
        if (picked.size() == batch) {
            signal.now();
        }
    }

    /**
     * Gives a claimed batch to the starter, waiting while it still starts the previous one (so at
     * most two batches are claimed and not started); false when the service stops meanwhile.
     */
    private boolean handOver(List<Claim> claimed) throws InterruptedException {
        while (running) {
            if (batches.offer(claimed, 100, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    /** The starter thread: starts the sends of each batch at the provider rate, while the next one is claimed. */
    private void startBatches() {
        while (running) {
            try {
                List<Claim> batch = batches.poll(100, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    start(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("starting sends failed: {}", e.toString(), e);
            }
        }
    }

    /** Starts the sends of a batch; those not started (the service stops, sending was halted) are given back. */
    private void start(List<Claim> batch) throws InterruptedException {
        int started = 0;
        try {
            while (started < batch.size() && running && !halted()) {
                Claim claim = batch.get(started);
                if (!throttle.submit(() -> send(claim), () -> running)) {
                    break;
                }
                started++;
            }
        } finally {
            if (started < batch.size()) {
                giveBack(batch.subList(started, batch.size()));
            }
        }
    }

    private void send(Claim claim) {
        long start = System.nanoTime();
        SendOutcome outcome;
        try {
            outcome = provider.send(claim.message());
        } catch (RuntimeException e) {
            outcome = new SendOutcome.Unknown("provider adapter threw " + e);
        }
        metrics.providerCall(provider.name(), outcome.getClass().getSimpleName().toLowerCase(Locale.ROOT),
                Duration.ofNanos(System.nanoTime() - start));
        answers.add(new Answer(claim, provider.name(), outcome));
    }

    /** Claims never handed to the provider go back to PENDING. */
    private void giveBack(List<Claim> unsent) {
        List<String> ids = unsent.stream().map(c -> c.notification().id()).toList();
        try {
            int released = notifications.release(ids);
            log.info("{} claimed notifications given back unsent ({})", released, running ? "sending halted" : "stopping");
        } catch (RuntimeException e) {
            // left in SENDING they become UNCERTAIN at the next sweep: never sent twice
            log.error("could not give back {} unsent claims: {}", ids.size(), e.toString(), e);
        } finally {
            done(ids);
        }
    }

    /** The answers of these sends were recorded (or given up on): they are no longer in flight. */
    private void done(List<String> ids) {
        ids.forEach(inFlight::remove);
        metrics.inFlight().addAndGet(-ids.size());
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

    /** Sending is paused as a whole ({@link ProviderGate}): nothing is handed to the provider. */
    private boolean halted() {
        return !gate.isOpen();
    }

    @Override
    public void start() {
        throttle = new Throttle(props.providerRate(), props.maxInFlight());
        answers = new OutcomeWriter(outcomes, props.outcomeLinger(), OUTCOME_GROUP_MAX,
                group -> done(group.stream().map(Answer::notificationId).toList()), signal::now);
        running = true;
        worker = Thread.ofPlatform().name("notifier-dispatcher").daemon().start(this::loop);
        starter = Thread.ofPlatform().name("notifier-starter").daemon().start(this::startBatches);
        signal.now();
    }

    /**
     * No new claims; the sends already started finish and their answers are written before this
     * returns (the data source closes after this phase), so a restart does not leave them UNCERTAIN.
     */
    @Override
    public void stop() {
        running = false;
        signal.now();
        join(worker);
        join(starter);
        if (throttle != null) {
            throttle.close();
        }
        if (answers != null) {
            answers.close();
        }
    }

    private static void join(Thread thread) {
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
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
        // stops before the outbox relay (MAX - 100), the Kafka producer and the data source
        return Integer.MAX_VALUE - 50;
    }
}
