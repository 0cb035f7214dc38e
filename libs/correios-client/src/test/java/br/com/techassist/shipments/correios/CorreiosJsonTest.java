package br.com.techassist.shipments.correios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class CorreiosJsonTest {

    record Stamp(OffsetDateTime at) {}

    @Test
    void timesWithoutOffsetAreSaoPauloLocalTimeWithMicrosecondsAndExplicitOffsetsWin() {
        assertThat(read("\"2026-06-22T20:00:34.711579\"")).isEqualTo(OffsetDateTime.parse("2026-06-22T20:00:34.711579-03:00"));
        assertThat(read("\"2026-06-22T20:00:34\"")).isEqualTo(OffsetDateTime.parse("2026-06-22T20:00:34-03:00"));
        assertThat(read("\"2026-06-22T20:00:34Z\"")).isEqualTo(OffsetDateTime.parse("2026-06-22T20:00:34Z"));
        assertThat(read("\"\"")).isNull();
        assertThat(read("null")).isNull();
    }

    @Test
    void unknownFieldsAreIgnored() {
        assertThat(CorreiosJson.mapper().readValue("{\"at\":null,\"novoCampo\":{\"x\":1}}", Stamp.class).at()).isNull();
    }

    private static OffsetDateTime read(String value) {
        return CorreiosJson.mapper().readValue("{\"at\":" + value + "}", Stamp.class).at();
    }
}
