package br.com.techassist.shipments.correios.prepostagem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PrePostagemQueryTest {

    @Test
    void aLookBackIsSplitIntoWindowsOfAtMostThirtyDaysThatCoverItExactly() {
        var windows = PrePostagemQuery.windows(PrePostagemStatus.POSTADO, LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-03-02"));

        assertThat(windows).extracting(PrePostagemQuery::toString).containsExactly(
                "POSTADO 2026-01-01..2026-01-30", "POSTADO 2026-01-31..2026-03-01", "POSTADO 2026-03-02..2026-03-02");
    }

    @Test
    void statusesOtherThanPrePostedNeedAWindowOfAtMostThirtyDays() {
        assertThatThrownBy(() -> PrePostagemQuery.of(PrePostagemStatus.POSTADO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PrePostagemQuery(PrePostagemStatus.POSTADO, LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-01-31"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(PrePostagemQuery.of(PrePostagemStatus.PREPOSTADO).from()).isNull();
    }
}
