package br.com.techassist.shipments.correios;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class CorreiosMetricsTest {

    @Test
    void everyTokenFailureReasonIsExposedAtZeroBeforeTheFirstFailure() {
        var registry = new SimpleMeterRegistry();
        var metrics = new CorreiosMetrics(registry);

        assertThat(registry.find("correios.token.failures").counters())
                .extracting(c -> c.getId().getTag("reason"))
                .containsExactlyInAnyOrderElementsOf(CorreiosMetrics.TOKEN_FAILURE_REASONS);
        assertThat(registry.find("correios.token.failures").counters()).allMatch(c -> c.count() == 0);

        metrics.tokenFailed("rejected");
        Counter rejected = registry.get("correios.token.failures").tag("reason", "rejected").counter();
        assertThat(rejected.count()).isEqualTo(1);
    }
}
