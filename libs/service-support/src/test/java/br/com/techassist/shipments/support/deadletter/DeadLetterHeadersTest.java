package br.com.techassist.shipments.support.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadLetterHeadersTest {

    @Test
    void phoneNumbersInAnExceptionMessageAreMasked() {
        assertThat(DeadLetterHeaders.masked("cannot reach +55 43 99999-0021 for DG049186226BR"))
                .isEqualTo("cannot reach +55 43 9****-0021 for DG049186226BR");
        assertThat(DeadLetterHeaders.masked("phone (43) 99999-0021 invalid")).doesNotContain("99999");
    }

    @Test
    void trackingCodesAndEventIdsStayReadable() {
        String message = "never processable: 550e8400-e29b-41d4-a716-446655440000 on DG049186226BR";
        assertThat(DeadLetterHeaders.masked(message)).isEqualTo(message);
    }

    @Test
    void aLongMessageIsCut() {
        assertThat(DeadLetterHeaders.masked("x".repeat(2000))).hasSize(501);
    }
}
