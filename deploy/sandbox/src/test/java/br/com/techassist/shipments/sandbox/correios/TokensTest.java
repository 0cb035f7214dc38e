package br.com.techassist.shipments.sandbox.correios;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.sandbox.SandboxProperties;
import br.com.techassist.shipments.sandbox.faults.Faults;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TokensTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T12:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private static Faults faults() {
        SandboxProperties properties = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("sandbox", SandboxProperties.class);
        return new Faults(properties);
    }

    @Test
    void aTokenIsValidUntilItsLifetimeEnds() {
        Tokens tokens = new Tokens(faults(), clock);
        Tokens.Issued issued = tokens.issue(Duration.ofMinutes(10));

        assertThat(tokens.check(issued.token())).isEqualTo(Tokens.Verdict.VALID);
        now.set(now.get().plus(Duration.ofMinutes(10)));
        assertThat(tokens.check(issued.token())).isEqualTo(Tokens.Verdict.EXPIRED);
        assertThat(tokens.check("made-up")).isEqualTo(Tokens.Verdict.UNKNOWN);
        assertThat(tokens.check(null)).isEqualTo(Tokens.Verdict.UNKNOWN);
    }
}
