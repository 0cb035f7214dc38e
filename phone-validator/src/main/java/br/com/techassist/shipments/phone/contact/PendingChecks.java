package br.com.techassist.shipments.phone.contact;

import br.com.techassist.shipments.phone.PhoneValidatorProperties;
import br.com.techassist.shipments.phone.contact.ContactValidation.Settlement;
import br.com.techassist.shipments.phone.whatsapp.ProviderUnavailableException;
import br.com.techassist.shipments.phone.whatsapp.WhatsAppDirectory;
import br.com.techassist.shipments.phone.whatsapp.WhatsAppDirectory.NumberCheck;
import br.com.techassist.shipments.support.logging.Masking;
import br.com.techassist.shipments.support.worker.Worker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Works off the PENDING contacts: claims a batch of due ones, answers what the cache knows, asks
 * the provider about the rest (at most {@code phone.checks.batch-size} numbers per request and
 * {@code phone.checks.per-minute} per minute), caches the answers and settles the whole batch in one
 * transaction. When the provider is down or answers with an error, the contacts stay PENDING and are
 * tried again with exponential back-off (or after the provider's {@code Retry-After}): never lost,
 * never turned into NO_WHATSAPP.
 */
@Component
class PendingChecks implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PendingChecks.class);

    private final Contacts contacts;
    private final LookupCache cache;
    private final ContactValidation validation;
    private final WhatsAppDirectory directory;
    private final PhoneValidatorProperties.Checks settings;
    private final CheckBudget budget;
    private final Clock clock;
    private final MeterRegistry meters;
    private final AtomicLong pending = new AtomicLong();
    private final Counter numbersAsked;
    private final Worker worker;

    PendingChecks(Contacts contacts, LookupCache cache, ContactValidation validation, WhatsAppDirectory directory,
            CheckSignal signal, PhoneValidatorProperties props, Clock clock, MeterRegistry meters) {
        this.contacts = contacts;
        this.cache = cache;
        this.validation = validation;
        this.directory = directory;
        this.settings = props.checks();
        // a failed pass (database away) is tried again after a back-off of up to ten seconds
        Duration interval = settings.pollInterval();
        Duration maxBackoff = interval.compareTo(Duration.ofSeconds(10)) > 0 ? interval : Duration.ofSeconds(10);
        this.worker = Worker.of("phone-pending-checks", interval, maxBackoff, this::pass);
        signal.connect(worker);
        this.budget = new CheckBudget(settings.perMinute(), clock);
        this.clock = clock;
        this.meters = meters;
        this.numbersAsked = Counter.builder("phone.provider.numbers")
                .tag("provider", directory.name())
                .description("Numbers asked in number-check requests (checks of the anti-ban budget spent)")
                .register(meters);
        Gauge.builder("phone.contacts.pending", pending, AtomicLong::get)
                .description("Contacts waiting for a provider check (new, throttled or provider failing)")
                .register(meters);
    }

    /**
     * One pass over up to {@code batch-size} due contacts: one claim, one cache query, provider requests
     * of at most {@code batch-size} numbers each (a mobile costs one number with Evolution, two with a
     * provider that needs both ninth-digit forms asked), and the whole
     * batch settled in one transaction.
     *
     * @return true when a full batch was handled and more may be due at once
     */
    boolean pass() {
        Instant now = clock.instant();
        List<Contact> due = contacts.claimDue(now, settings.batchSize(), now.plus(settings.claimTimeout()));
        List<Settlement> settled = new ArrayList<>();
        List<Contact> toAsk = new ArrayList<>();
        if (!directory.canCheck()) { // left PENDING by an earlier run with a checking provider
            due.forEach(contact -> settled.add(Settlement.unverified(contact, now)));
        } else {
            Map<String, LookupCache.Lookup> cached = cache.peekAll(due.stream().filter(c -> !c.freshCheck())
                    .map(Contact::e164Digits).collect(Collectors.toSet()), now);
            for (Contact contact : due) {
                LookupCache.Lookup lookup = contact.freshCheck() ? null : cached.get(contact.e164Digits());
                if (lookup != null) {
                    settled.add(Settlement.fromCache(contact, lookup));
                } else {
                    toAsk.add(contact);
                }
            }
        }
        boolean deferred = ask(toAsk, settled);
        complete(settled);
        pending.set(contacts.countPending());
        return due.size() == settings.batchSize() && !deferred;
    }

    /**
     * Asks the provider about the contacts' candidates, in requests of at most {@code batch-size}
     * numbers, within the per-minute budget, and adds their settlements. Returns true when some had to
     * wait (budget spent, or the provider failed): the worker then waits for its next poll.
     */
    private boolean ask(List<Contact> toAsk, List<Settlement> settled) {
        Map<String, List<Contact>> byNumber = new LinkedHashMap<>();
        for (Contact contact : toAsk) {
            byNumber.computeIfAbsent(contact.e164Digits(), k -> new ArrayList<>()).add(contact);
        }
        List<Map<String, List<Contact>>> requests = new ArrayList<>();
        Map<String, List<Contact>> request = new LinkedHashMap<>();
        int numbers = 0;
        List<Contact> waiting = new ArrayList<>();
        for (var entry : byNumber.entrySet()) {
            int candidates = directory.numbersToAsk(entry.getValue().getFirst().candidates()).size();
            if (!budget.tryAcquire(candidates)) {
                waiting.addAll(entry.getValue());
                continue;
            }
            if (numbers + candidates > settings.batchSize() && numbers > 0) {
                requests.add(request);
                request = new LinkedHashMap<>();
                numbers = 0;
            }
            request.put(entry.getKey(), entry.getValue());
            numbers += candidates;
        }
        if (!request.isEmpty()) {
            requests.add(request);
        }
        if (!waiting.isEmpty()) {
            log.info("{} contact(s) wait for the next minute (at most {} checks per minute)", waiting.size(),
                    settings.perMinute());
        }
        boolean failed = false;
        for (var asked : requests) {
            if (failed) { // the provider just failed: the rest is not asked now, and not counted as a failure
                asked.values().forEach(waiting::addAll);
            } else {
                failed = !check(asked, settled);
            }
        }
        contacts.releaseAll(waiting);
        return !waiting.isEmpty() || failed;
    }

    /**
     * One provider request about {@code asked} (number → its contacts): caches the answers and adds
     * the settlements, or postpones the contacts when the provider failed (returns false).
     */
    private boolean check(Map<String, List<Contact>> asked, List<Settlement> settled) {
        List<String> numbers = asked.values().stream()
                .flatMap(group -> directory.numbersToAsk(group.getFirst().candidates()).stream()).toList();
        numbersAsked.increment(numbers.size());
        List<NumberCheck> answers;
        Timer.Sample sample = Timer.start(meters);
        try {
            answers = directory.check(numbers);
            sample.stop(checkTimer("success"));
        } catch (ProviderUnavailableException e) {
            sample.stop(checkTimer(e.outcome()));
            postpone(asked, e);
            return false;
        }
        Instant checkedAt = clock.instant();
        Map<String, String> ids = new LinkedHashMap<>();
        for (var entry : asked.entrySet()) {
            String whatsappId = Resolution.pickId(entry.getValue().getFirst().candidates(), answers);
            ids.put(entry.getKey(), whatsappId);
            entry.getValue().forEach(contact -> settled.add(Settlement.fromProvider(contact, whatsappId, checkedAt)));
        }
        cache.storeAllHeld(ids, asked.values().stream().flatMap(List::stream).map(Contact::trackingCode).toList(),
                directory.name(), checkedAt);
        return true;
    }

    /**
     * Settles the batch in one transaction. Should it fail, each contact is tried in its own
     * transaction, so one bad contact does not hold the others back; a contact that still fails stays
     * PENDING under its claim and is taken again when the claim expires ({@code claim-timeout}).
     */
    private void complete(List<Settlement> settled) {
        if (settled.isEmpty()) {
            return;
        }
        try {
            validation.completeAll(settled);
            return;
        } catch (RuntimeException e) {
            log.warn("settling a batch of {} contact(s) failed, settling them one by one: {}", settled.size(), e.toString());
        }
        List<String> failed = new ArrayList<>();
        RuntimeException last = null;
        for (Settlement one : settled) {
            try {
                validation.completeAll(List.of(one));
            } catch (RuntimeException e) {
                failed.add(one.contact().trackingCode());
                last = e;
            }
        }
        if (last != null) {
            log.warn("{} contact(s) could not be settled and stay pending, taken again within {}: {} ({})",
                    failed.size(), settings.claimTimeout(), failed, last.toString());
        }
    }

    /**
     * Failed: the contacts wait as long as the provider's {@code Retry-After} asked (at most
     * {@code retry-max}) when it gave one, else their back-off.
     */
    private void postpone(Map<String, List<Contact>> asked, ProviderUnavailableException e) {
        Instant now = clock.instant();
        Function<Contact, Duration> wait = contact -> e.retryAfter()
                .map(wish -> wish.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : wish)
                .orElseGet(() -> backoff(contact.attempts(), settings));
        List<Contact> failed = asked.values().stream().flatMap(List::stream).toList();
        contacts.postponeAll(failed, contact -> now.plus(wait.apply(contact)), e.getMessage(), now);
        Duration longest = failed.stream().map(wait).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
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

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop(settings.pollInterval().plusSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
