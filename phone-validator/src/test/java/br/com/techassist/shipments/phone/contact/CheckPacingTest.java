package br.com.techassist.shipments.phone.contact;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.phone.PhoneValidatorProperties;
import br.com.techassist.shipments.testsupport.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckPacingTest {

    @Test
    void theBudgetCapsNumbersPerMinuteAndRefillsAfterAMinute() {
        var clock = new MovableClock(Instant.parse("2026-11-27T12:00:00Z"));
        var budget = new CheckBudget(5, clock);

        assertThat(budget.tryAcquire(2)).isTrue();
        assertThat(budget.tryAcquire(2)).isTrue();
        assertThat(budget.tryAcquire(2)).as("5 per minute: 4 used, 2 more do not fit").isFalse();
        assertThat(budget.tryAcquire(1)).isTrue();
        assertThat(budget.tryAcquire(1)).isFalse();

        clock.advance(Duration.ofSeconds(59));
        assertThat(budget.tryAcquire(1)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(budget.tryAcquire(2)).isTrue();
    }

    @Test
    void failedChecksBackOffExponentiallyUpToTheMaximum() {
        var settings = new PhoneValidatorProperties.Checks(20, 30, Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofMinutes(15), Duration.ofMinutes(2));

        assertThat(PendingChecks.backoff(0, settings)).isEqualTo(Duration.ofSeconds(30));
        assertThat(PendingChecks.backoff(1, settings)).isEqualTo(Duration.ofMinutes(1));
        assertThat(PendingChecks.backoff(3, settings)).isEqualTo(Duration.ofMinutes(4));
        assertThat(PendingChecks.backoff(5, settings)).isEqualTo(Duration.ofMinutes(15));
        assertThat(PendingChecks.backoff(500, settings)).isEqualTo(Duration.ofMinutes(15));
    }
}
