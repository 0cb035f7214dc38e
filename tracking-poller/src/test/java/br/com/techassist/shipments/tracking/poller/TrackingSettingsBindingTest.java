package br.com.techassist.shipments.tracking.poller;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.tracking.TrackingProperties;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The documented variables, bound through {@code tracking-poller.yml} as the service binds them:
 * any positive {@code TRACKING_MIN_INTERVAL} with any {@code TRACKING_TIME_SCALE} gives a valid
 * schedule (the slot grid follows a short minimum interval), and an impossible value is refused with
 * a message naming it.
 */
class TrackingSettingsBindingTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withPropertyValues("spring.config.name=tracking-poller")
            .withUserConfiguration(Settings.class);

    @Test
    void aShortMinimumIntervalOnAFastClockGivesAWorkingSchedule() {
        runner.withPropertyValues("TRACKING_MIN_INTERVAL=PT2S", "TRACKING_TIME_SCALE=0.001").run(context -> {
            assertThat(context).hasNotFailed();
            TrackingProperties props = context.getBean(TrackingProperties.class);
            assertThat(props.slot()).isEqualTo(Duration.ofSeconds(2));

            var schedule = new PollSchedule(props);
            assertThat(schedule.minInterval()).isEqualTo(Duration.ofMillis(2));
            Instant now = Instant.parse("2026-11-27T12:00:00.0005Z");
            assertThat(schedule.nextPollAt(now, now, Duration.ofMillis(2)))
                    .isEqualTo(Instant.parse("2026-11-27T12:00:00.002Z"));
        });
    }

    @Test
    void theDefaultsKeepTheTenMinuteGrid() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(TrackingProperties.class).slot()).isEqualTo(Duration.ofMinutes(10));
        });
    }

    @Test
    void aLongMinimumIntervalKeepsTheTenMinuteGrid() {
        runner.withPropertyValues("TRACKING_MIN_INTERVAL=PT1H").run(context ->
                assertThat(context.getBean(TrackingProperties.class).slot()).isEqualTo(Duration.ofMinutes(10)));
    }

    @Test
    void aMinimumIntervalOfZeroIsRefusedNamingTheVariable() {
        runner.withPropertyValues("TRACKING_MIN_INTERVAL=PT0S").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("tracking.min-interval (TRACKING_MIN_INTERVAL) must be positive"));
    }

    @Test
    void aTimeScaleOfZeroIsRefusedNamingTheVariable() {
        runner.withPropertyValues("TRACKING_TIME_SCALE=0").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("tracking.time-scale (TRACKING_TIME_SCALE) must be positive"));
    }

    @Test
    void anExplicitSlotCoarserThanTheMinimumIntervalIsRefused() {
        runner.withPropertyValues("TRACKING_MIN_INTERVAL=PT2S", "tracking.schedule.slot=PT10M").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("tracking.schedule.slot must be positive and at most tracking.min-interval"));
    }

    @EnableConfigurationProperties(TrackingProperties.class)
    static class Settings {}
}
