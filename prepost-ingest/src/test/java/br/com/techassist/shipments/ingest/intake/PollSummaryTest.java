package br.com.techassist.shipments.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PollSummaryTest {

    @Test
    void saysWhatAPollDidInOneLine() {
        assertThat(new PollSummary(3, 250, 12, 1, 1).line())
                .isEqualTo("pre-postings: 3 pages, 250 seen, 12 new, 1 rejected (1 for the first time)");
        assertThat(new PollSummary(1, 0, 0, 0, 0).line())
                .isEqualTo("pre-postings: 1 page, 0 seen, 0 new, 0 rejected (0 for the first time)");
    }
}
