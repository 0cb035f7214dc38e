package br.com.techassist.shipments.ingest.intake;

import br.com.techassist.shipments.correios.CorreiosException;
import br.com.techassist.shipments.correios.CorreiosJson;
import br.com.techassist.shipments.correios.prepostagem.PrePostagemClient;
import br.com.techassist.shipments.correios.prepostagem.PrePostagemEntry;
import br.com.techassist.shipments.correios.prepostagem.PrePostagemPage;
import br.com.techassist.shipments.correios.prepostagem.PrePostagemQuery;
import br.com.techassist.shipments.correios.prepostagem.PrePostagemStatus;
import br.com.techassist.shipments.ingest.IngestProperties;
import br.com.techassist.shipments.ingest.registration.RegistrationConflicts;
import br.com.techassist.shipments.ingest.registration.Registrations;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.support.logging.Masking;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass over the Pré-Postagem listing: PREPOSTADO (no dates) and POSTADO over the look-back
 * in windows of at most 30 days, every page until {@code page.next} is false. Each new code is
 * registered (its event goes through the outbox); unusable items are rejected and the rest of the
 * page goes on.
 */
@Service
public class PrePostingIntake {

    private static final Logger log = LoggerFactory.getLogger(PrePostingIntake.class);

    private final PrePostagemClient correios;
    private final Registrations registrations;
    private final RegistrationConflicts conflicts;
    private final RejectedPrePostings rejects;
    private final IntakeMetrics metrics;
    private final CorreiosFailureAlerts failureAlerts;
    private final IngestProperties props;
    private final Clock clock;
    private final TransactionTemplate tx;

    PrePostingIntake(PrePostagemClient correios, Registrations registrations, RegistrationConflicts conflicts,
            RejectedPrePostings rejects, IntakeMetrics metrics, CorreiosFailureAlerts failureAlerts, IngestProperties props,
            Clock clock,
            PlatformTransactionManager txManager) {
        this.tx = new TransactionTemplate(txManager);
        this.correios = correios;
        this.registrations = registrations;
        this.conflicts = conflicts;
        this.rejects = rejects;
        this.metrics = metrics;
        this.failureAlerts = failureAlerts;
        this.props = props;
        this.clock = clock;
    }

    /**
     * Polls once and logs a one-line summary.
     *
     * @throws CorreiosException when Correios cannot be read; what was registered before stays registered
     */
    public PollSummary poll() {
        long start = System.nanoTime();
        Tally tally = new Tally();
        try {
            for (PrePostagemQuery query : queries()) {
                list(query, tally);
            }
        } catch (CorreiosException e) {
            metrics.pollEnded("failure", start);
            metrics.pollFailed(e);
            log.warn("{}; poll failed, retried at the next turn: {}", tally.summary().line(), e.getMessage());
            if (CorreiosFailureAlerts.needsOperator(e)) {
                failureAlerts.raise(e, OffsetDateTime.now(clock.withZone(CorreiosJson.CORREIOS_ZONE)));
            }
            throw e;
        }
        metrics.pollEnded("success", start);
        PollSummary summary = tally.summary();
        log.info(summary.line());
        return summary;
    }

    List<PrePostagemQuery> queries() {
        LocalDate today = LocalDate.now(clock.withZone(CorreiosJson.CORREIOS_ZONE));
        long days = Math.max(1, props.lookBack().toDays());
        List<PrePostagemQuery> queries = new ArrayList<>();
        queries.add(PrePostagemQuery.of(PrePostagemStatus.PREPOSTADO));
        queries.addAll(PrePostagemQuery.windows(PrePostagemStatus.POSTADO, today.minusDays(days - 1), today));
        return queries;
    }

    private void list(PrePostagemQuery query, Tally tally) {
        for (int number = 0; number < props.maxPages(); number++) {
            PrePostagemPage page = correios.page(query, number, props.pageSize());
            tally.pages++;
            // one transaction per page: its registrations, rejections and outbox rows commit together
            Tally pageTally = tx.execute(status -> take(page));
            tally.add(pageTally);
            metrics.counted(pageTally.seen, pageTally.registered, pageTally.newRejections);
            if (!page.hasNext()) {
                return;
            }
        }
        log.warn("pre-postings: {} has more than {} pages; the rest waits for the next poll", query, props.maxPages());
    }

    private Tally take(PrePostagemPage page) {
        Tally tally = new Tally();
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(CorreiosJson.CORREIOS_ZONE));
        List<PrePostingMapper.Mapped> mapped = page.entries().stream().map(e -> PrePostingMapper.map(e, now)).toList();
        Set<String> known = registrations.registeredAmong(mapped.stream()
                .filter(m -> m.event() != null).map(m -> m.event().trackingCode()).toList());
        List<ShipmentRegistered> unknown = new ArrayList<>();
        Map<String, String> documents = new HashMap<>();
        List<ShipmentRegistered> again = new ArrayList<>();
        for (int i = 0; i < mapped.size(); i++) {
            tally.seen++;
            ShipmentRegistered event = mapped.get(i).event();
            if (event == null) {
                reject(page.entries().get(i), mapped.get(i), now, tally);
            } else if (!known.contains(event.trackingCode())) {
                unknown.add(event);
                String document = mapped.get(i).document();
                if (document != null) {
                    documents.putIfAbsent(event.trackingCode(), document);
                }
            } else {
                again.add(event);
            }
        }
        // a code registered by hand that this pre-posting describes otherwise: alerted once, never dropped silently
        // (not when its personal data was erased: the code is known and stays as it is)
        conflicts.report(again, now);
        // the page's new codes together: one insert, one erasure-index insert and one outbox write
        Map<String, Registrations.Result> results = registrations.registerAll(unknown, documents);
        Set<String> counted = new HashSet<>();
        for (ShipmentRegistered event : unknown) {
            if (results.get(event.trackingCode()) == Registrations.Result.NEW && counted.add(event.trackingCode())) {
                tally.registered++;
                log.debug("registered {} for {} ({})", event.trackingCode(), Masking.name(event.recipient().name()),
                        event.recipient().mobile() == null ? "-" : Masking.phone(
                                event.recipient().mobile().areaCode() + event.recipient().mobile().number()));
            }
        }
        return tally;
    }

    private void reject(PrePostagemEntry entry, PrePostingMapper.Mapped mapped, OffsetDateTime now, Tally tally) {
        tally.rejected++;
        if (rejects.reject(entry, mapped.rejection(), now)) {
            tally.newlyRejected++;
            tally.newRejections.add(mapped.rejection().reason());
            log.warn("pre-posting rejected: {} ({})", mapped.rejection().reason(), mapped.rejection().detail());
        }
    }

    private static final class Tally {
        int pages;
        int seen;
        int registered;
        int rejected;
        int newlyRejected;
        final List<Rejection.Reason> newRejections = new ArrayList<>();

        void add(Tally page) {
            seen += page.seen;
            registered += page.registered;
            rejected += page.rejected;
            newlyRejected += page.newlyRejected;
        }

        PollSummary summary() {
            return new PollSummary(pages, seen, registered, rejected, newlyRejected);
        }
    }
}
