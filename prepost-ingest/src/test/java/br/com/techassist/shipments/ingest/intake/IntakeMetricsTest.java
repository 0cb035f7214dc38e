package br.com.techassist.shipments.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntakeMetricsTest {

    @Test
    void everyRejectionReasonIsExposedAtZeroAndCountedOnce() {
        var registry = new SimpleMeterRegistry();
        var metrics = new IntakeMetrics(registry, Clock.systemUTC());

        assertThat(registry.find("ingest.prepostings.rejected").counters())
                .hasSize(Rejection.Reason.values().length)
                .allMatch(c -> c.count() == 0);

        metrics.counted(3, 1, List.of(Rejection.Reason.INVALID_CODE, Rejection.Reason.INVALID_CODE));
        assertThat(registry.get("ingest.prepostings.rejected").tag("reason", "INVALID_CODE").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("ingest.prepostings.rejected").tag("reason", "NO_RECIPIENT").counter().count())
                .isZero();
    }
}
