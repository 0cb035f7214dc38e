package br.com.techassist.shipments.ingest.intake;

/**
 * What one poll did.
 *
 * @param pages pages read over all listings
 * @param seen items listed
 * @param registered new codes registered (one event each)
 * @param rejected unusable items seen in this poll
 * @param newlyRejected of those, the ones never rejected before (alerted)
 */
public record PollSummary(int pages, int seen, int registered, int rejected, int newlyRejected) {

    String line() {
        return "pre-postings: " + pages + (pages == 1 ? " page, " : " pages, ") + seen + " seen, " + registered
                + " new, " + rejected + " rejected (" + newlyRejected + " for the first time)";
    }
}
