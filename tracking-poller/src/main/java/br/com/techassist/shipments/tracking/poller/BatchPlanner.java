package br.com.techassist.shipments.tracking.poller;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs the objects of one cycle into requests: the due ones, most overdue first, in batches of
 * {@code batchSize}; a partly filled last batch is topped up with objects that are almost due
 * (they are polled a little early rather than costing a request of their own soon after).
 */
final class BatchPlanner {

    private BatchPlanner() {}

    /** An object that may be polled this cycle. */
    record Candidate(String trackingCode, int partition, Instant nextPollAt) {}

    /**
     * @param candidates due objects and early ones allowed to join, ordered by {@code nextPollAt}
     * @param now objects with {@code nextPollAt <= now} are due; the others only fill the last batch
     * @param maxBatches most batches to plan
     */
    static List<List<Candidate>> plan(List<Candidate> candidates, Instant now, int batchSize, int maxBatches) {
        List<Candidate> due = new ArrayList<>();
        List<Candidate> early = new ArrayList<>();
        for (Candidate c : candidates) {
            (c.nextPollAt().isAfter(now) ? early : due).add(c);
        }
        int room = (batchSize - due.size() % batchSize) % batchSize;
        List<Candidate> chosen = new ArrayList<>(due);
        if (!due.isEmpty()) {
            chosen.addAll(early.subList(0, Math.min(room, early.size())));
        }
        List<List<Candidate>> batches = new ArrayList<>();
        for (int from = 0; from < chosen.size() && batches.size() < maxBatches; from += batchSize) {
            batches.add(List.copyOf(chosen.subList(from, Math.min(from + batchSize, chosen.size()))));
        }
        return batches;
    }
}
