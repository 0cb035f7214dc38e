package br.com.techassist.shipments.phone.contact;

import br.com.techassist.shipments.phone.PhoneValidatorProperties;
import br.com.techassist.shipments.phone.whatsapp.ProviderUnavailableException;
import br.com.techassist.shipments.phone.whatsapp.WhatsAppDirectory;
import br.com.techassist.shipments.phone.whatsapp.WhatsAppDirectory.NumberCheck;
import br.com.techassist.shipments.support.logging.Masking;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Works off the PENDING contacts: claims a batch of due ones, answers what the cache knows, asks
 * the provider about the rest in one request (at most {@code phone.checks.batch-size} numbers and
 * {@code phone.checks.per-minute} per minute), caches the answers and settles the contacts. When the
 * provider is down or answers with an error, the contacts stay PENDING and are tried again with
 * exponential back-off: never lost, never turned into NO_WHATSAPP.
 */
@Component
class PendingChecks implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PendingChecks.class);

    private final Contacts contacts;
    private final LookupCache cache;
    private final ContactValidation validation;
    private final WhatsAppDirectory directory;
    private final CheckSignal signal;
    private final PhoneValidatorProperties.Checks settings;
    private final CheckBudget budget;
    private final Clock clock;
    private final MeterRegistry meters;
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean running;
    private Thread worker;

    PendingChecks(Contacts contacts, LookupCache cache, ContactValidation validation, WhatsAppDirectory directory,
            CheckSignal signal, PhoneValidatorProperties props, Clock clock, MeterRegistry meters) {
        this.contacts = contacts;
        this.cache = cache;
        this.validation = validation;
        this.directory = directory;
        this.signal = signal;
        this.settings = props.checks();
        this.budget = new CheckBudget(settings.perMinute(), clock);
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("phone.contacts.pending", pending, AtomicLong::get)
                .description("Contacts waiting for a provider check (new, throttled or provider failing)")
                .register(meters);
    }

    /**
     * One pass over the due contacts.
     *
     * @return true when a full batch was handled and more may be due at once
     */
    boolean pass() {
        Instant now = clock.instant();
        List<Contact> due = contacts.claimDue(now, settings.batchSize(), now.plus(settings.claimTimeout()));
        List<Contact> toAsk = new ArrayList<>();
        for (Contact contact : due) {
            if (!directory.canCheck()) { // left PENDING by an earlier run with a checking provider
                validation.completeUnverified(contact);
                continue;
            }
            var cached = contact.freshCheck() ? java.util.Optional.<LookupCache.Lookup>empty()
                    : cache.peek(contact.e164Digits(), now);
            if (cached.isPresent()) {
                validation.completeFromCache(contact, cached.get());
            } else {
                toAsk.add(contact);
            }
        }
        boolean deferred = ask(toAsk);
        pending.set(contacts.countPending());
        return due.size() == settings.batchSize() && !deferred;
    }

    /** Asks the provider about the contacts' candidates in one request; returns true when some had to wait. */
    private boolean ask(List<Contact> toAsk) {
        Map<String, List<Contact>> byNumber = new LinkedHashMap<>();
        for (Contact contact : toAsk) {
            byNumber.computeIfAbsent(contact.e164Digits(), k -> new ArrayList<>()).add(contact);
        }
        List<String> numbers = new ArrayList<>();
        Map<String, List<Contact>> asked = new LinkedHashMap<>();
        boolean deferred = false;
        for (var entry : byNumber.entrySet()) {
            List<String> candidates = entry.getValue().getFirst().candidates();
            boolean fits = numbers.size() + candidates.size() <= settings.batchSize() || numbers.isEmpty();
            if (fits && budget.tryAcquire(candidates.size())) {
                numbers.addAll(candidates);
                asked.put(entry.getKey(), entry.getValue());
            } else {
                entry.getValue().forEach(contacts::release);
                deferred = true;
            }
        }
        if (deferred) {
            log.info("{} number(s) wait for the next batch (at most {} checks per minute, {} per request)",
                    byNumber.size() - asked.size(), settings.perMinute(), settings.batchSize());
        }
        if (numbers.isEmpty()) {
            return deferred;
        }
        List<NumberCheck> answers;
        Timer.Sample sample = Timer.start(meters);
        try {
            answers = directory.check(numbers);
            sample.stop(checkTimer("success"));
        } catch (ProviderUnavailableException e) {
            sample.stop(checkTimer(e.outcome()));
            postpone(asked, e);
            return deferred;
        }
        Instant checkedAt = clock.instant();
        for (var entry : asked.entrySet()) {
            List<Contact> group = entry.getValue();
            String whatsappId = Resolution.pickId(group.getFirst().candidates(), answers);
            cache.store(entry.getKey(), whatsappId, directory.name(), checkedAt);
            group.forEach(contact -> validation.completeFromProvider(contact, whatsappId, checkedAt));
        }
        return deferred;
    }

    private void postpone(Map<String, List<Contact>> asked, ProviderUnavailableException e) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (List<Contact> group : asked.values()) {
            for (Contact contact : group) {
                Duration wait = backoff(contact.attempts(), settings);
                longest = wait.compareTo(longest) > 0 ? wait : longest;
                contacts.postpone(contact, now.plus(wait), e.getMessage(), now);
            }
        }
        var line = "client_error".equals(e.outcome()) ? log.atError() : log.atWarn();
        line.log("WhatsApp check with {} failed ({}): {} number(s) stay pending, e.g. {}, retried within {}",
                directory.name(), e.getMessage(), asked.size(), Masking.phone(asked.keySet().iterator().next()), longest);
    }

    /** Wait before the next check after {@code attempts} failures: doubling from retry-initial up to retry-max. */
    static Duration backoff(int attempts, PhoneValidatorProperties.Checks settings) {
        Duration wait = settings.retryInitial();
        for (int i = 0; i < attempts && wait.compareTo(settings.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : wait;
    }

    private Timer checkTimer(String outcome) {
        return Timer.builder("phone.provider.checks")
                .tag("provider", directory.name())
                .tag("outcome", outcome)
                .description("Number-check requests to the WhatsApp provider (one per batch)")
                .publishPercentileHistogram()
                .register(meters);
    }

    private void loop() {
        while (running) {
            try {
                signal.await(settings.pollInterval());
                while (running && pass()) {
                    // a full batch: look again at once
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("pending-check pass failed, trying again in {}: {}", settings.pollInterval(), e.toString());
            }
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("phone-pending-checks").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        signal.wakeUp();
        if (worker != null) {
            try {
                worker.join(settings.pollInterval().plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
