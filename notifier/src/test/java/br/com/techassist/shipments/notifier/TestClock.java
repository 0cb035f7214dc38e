package br.com.techassist.shipments.notifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A UTC clock the tests set and move; one per test JVM, shared by every notifier context. */
public final class TestClock extends Clock {

    public static final TestClock INSTANCE = new TestClock();
    private volatile Instant now = Instant.parse("2026-11-27T15:00:00Z");

    private TestClock() {}

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? this : Clock.fixed(now, zone);
    }

    /** Provides {@link #INSTANCE} as the application's {@link Clock}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        Clock clock() {
            return INSTANCE;
        }
    }
}
