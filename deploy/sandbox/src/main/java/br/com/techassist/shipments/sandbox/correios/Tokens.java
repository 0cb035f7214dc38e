package br.com.techassist.shipments.sandbox.correios;

import br.com.techassist.shipments.sandbox.faults.Faults;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Correios tokens handed out by the fake token API, with their real-time expiry. Thread-safe. */
@Component
class Tokens {

    private final ConcurrentHashMap<String, Issued> issued = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Faults faults;
    private final Clock clock;

    @Autowired
    Tokens(Faults faults) {
        this(faults, Clock.systemUTC());
    }

    Tokens(Faults faults, Clock clock) {
        this.faults = faults;
        this.clock = clock;
    }

    /** When a token was issued and when it expires (real time). */
    record Issued(String token, Instant issuedAt, Instant expiresAt) {}

    enum Verdict { VALID, UNKNOWN, EXPIRED }

    Issued issue(Duration lifetime) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = "sandbox." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Issued result = new Issued(token, now, now.plus(lifetime));
        issued.put(token, result);
        if (issued.size() > 10_000) {
            issued.values().removeIf(old -> old.expiresAt().isBefore(now));
        }
        return result;
    }

    Verdict check(@Nullable String token) {
        Issued found = token == null ? null : issued.get(token);
        if (found == null) {
            return Verdict.UNKNOWN;
        }
        Instant now = clock.instant();
        Duration early = faults.correios().tokenEarlyExpiry();
        boolean expired = !now.isBefore(found.expiresAt())
                || (early != null && !now.isBefore(found.issuedAt().plus(early)));
        return expired ? Verdict.EXPIRED : Verdict.VALID;
    }
}
