package br.com.techassist.shipments.bench;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What a fixed polling schedule would have cost for the same parcels: every {@code interval} all
 * parcels still being tracked are asked for, {@code batchSize} codes per request. Computed, not run.
 */
record FixedSchedule(Duration interval, int batchSize) {

    /**
     * One parcel's tracked span: polled from {@code from} (registration) on, and a last time at the
     * first tick at or after {@code until} (its final event, or the end of the window).
     */
    record Span(LocalDateTime from, LocalDateTime until) {}

    /** Result: the requests and the single-code polls (object polls) the fixed schedule makes. */
    record Cost(long requests, long objectPolls) {}

    Cost cost(List<Span> spans, LocalDateTime windowStart, LocalDateTime windowEnd) {
        long requests = 0;
        long polls = 0;
        for (LocalDateTime tick = windowStart; !tick.isAfter(windowEnd); tick = tick.plus(interval)) {
            long active = 0;
            for (Span span : spans) {
                if (!span.from().isAfter(tick) && tick.isBefore(span.until().plus(interval))) {
                    active++;
                }
            }
            polls += active;
            requests += (active + batchSize - 1) / batchSize;
        }
        return new Cost(requests, polls);
    }
}
