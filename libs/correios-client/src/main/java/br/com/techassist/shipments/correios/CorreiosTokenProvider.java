package br.com.techassist.shipments.correios;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The Correios bearer token, bound to the cartão de postagem
 * ({@code POST /token/v1/autentica/cartaopostagem}). Cached until {@code expiraEm} (local time at
 * {@code zoneOffset}) minus the refresh margin; one refresh at a time however many threads ask;
 * the token endpoint is never called more than {@code tokenRequestsPerSecond} times a second.
 * The token and the credentials are never logged.
 */
public class CorreiosTokenProvider {

    private static final Logger log = LoggerFactory.getLogger(CorreiosTokenProvider.class);

    private final CorreiosProperties props;
    private final CorreiosHttp http;
    private final CorreiosMetrics metrics;
    private final Clock clock;
    private final RateLimiter rateLimiter;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile @Nullable CachedToken current;

    CorreiosTokenProvider(CorreiosProperties props, CorreiosHttp http, CorreiosMetrics metrics, Clock clock) {
        this.props = props;
        this.http = http;
        this.metrics = metrics;
        this.clock = clock;
        this.rateLimiter = RateLimiter.of("correios-token", RateLimiterConfig.custom()
                .limitForPeriod(props.tokenRequestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ofSeconds(10))
                .build());
    }

    /** A valid token, from the cache or freshly obtained. */
    public String token() {
        CachedToken cached = current;
        if (cached != null && cached.usableAt(clock.instant())) {
            return cached.token();
        }
        refreshing.lock();
        try {
            cached = current;
            if (cached != null && cached.usableAt(clock.instant())) {
                return cached.token();
            }
            CachedToken fresh = authenticate();
            current = fresh;
            return fresh.token();
        } finally {
            refreshing.unlock();
        }
    }

    /** Forgets {@code rejected} (Correios refused it) so that the next {@link #token()} authenticates again. */
    public void invalidate(String rejected) {
        CachedToken cached = current;
        if (cached != null && cached.token().equals(rejected)) {
            current = null;
        }
    }

    /** Forgets the cached token whatever it is (e.g. after the credentials were rotated). */
    public void evict() {
        current = null;
    }

    CorreiosHttp http() {
        return http;
    }

    /** When the cached token expires, if there is one. */
    public @Nullable OffsetDateTime expiresAt() {
        CachedToken cached = current;
        return cached == null ? null : cached.expiresAt();
    }

    private CachedToken authenticate() {
        if (!props.hasCredentials()) {
            metrics.tokenFailed("no_credentials");
            throw new CorreiosAuthenticationException(
                    "Correios credentials are not set (CORREIOS_USERNAME, CORREIOS_ACCESS_CODE, CORREIOS_POSTCARD)", 0,
                    List.of(), null);
        }
        boolean byCard = props.postcard() != null && !props.postcard().isBlank();
        String path = byCard ? "/token/v1/autentica/cartaopostagem" : "/token/v1/autentica";
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(
                (props.username() + ":" + props.accessCode()).getBytes(StandardCharsets.UTF_8)));
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        byte[] body = byCard ? CorreiosJson.mapper().writeValueAsBytes(Map.of("numero", props.postcard())) : null;
        CorreiosHttp.Answer answer;
        try {
            answer = http.execute("token", new CorreiosHttp.Call(HttpMethod.POST, uri -> uri.path(path).build(),
                    headers, body), this::respectRateLimit);
        } catch (CorreiosUnavailableException e) {
            metrics.tokenFailed("unavailable");
            throw e;
        }
        if (!answer.isSuccess()) {
            metrics.tokenFailed("rejected");
            List<String> msgs = CorreiosHttp.messages(answer.body());
            throw new CorreiosAuthenticationException(CorreiosHttp.describe(
                    "Correios refused to issue a token (HTTP " + answer.status() + "); check CORREIOS_USERNAME, "
                            + "CORREIOS_ACCESS_CODE and that the APIs are enabled for CORREIOS_POSTCARD", msgs),
                    answer.status(), msgs, null);
        }
        CachedToken token = parse(answer.body());
        metrics.tokenRefreshed();
        log.info("Correios token obtained ({}), expires at {}", byCard ? "cartão de postagem" : "user", token.expiresAt());
        return token;
    }

    private void respectRateLimit() {
        try {
            RateLimiter.waitForPermission(rateLimiter);
        } catch (RequestNotPermitted e) {
            throw new CorreiosUnavailableException("Correios token endpoint rate limit reached; try later", 0,
                    List.of(), e);
        }
    }

    private CachedToken parse(byte[] body) {
        JsonNode node;
        try {
            node = CorreiosJson.mapper().readTree(body);
        } catch (RuntimeException e) {
            metrics.tokenFailed("unreadable");
            throw new CorreiosException("Correios token answer is not JSON", 0, List.of(), null);
        }
        String token = node.path("token").asString("");
        if (token.isBlank()) {
            metrics.tokenFailed("unreadable");
            throw new CorreiosException("Correios token answer has no token", 0, List.of(), null);
        }
        Instant now = clock.instant();
        OffsetDateTime expiresAt = expiry(node, now);
        Duration lifetime = Duration.between(now, expiresAt.toInstant());
        Duration margin = props.tokenRefreshMargin();
        // a margin longer than half the lifetime would mean a new token on every call
        Duration usable = lifetime.minus(margin).compareTo(lifetime.dividedBy(2)) < 0
                ? lifetime.dividedBy(2)
                : lifetime.minus(margin);
        return new CachedToken(token, expiresAt, now.plus(usable));
    }

    private static OffsetDateTime expiry(JsonNode node, Instant now) {
        String expiraEm = node.path("expiraEm").asString("");
        String zoneOffset = node.path("zoneOffset").asString("");
        try {
            if (!expiraEm.isBlank() && !zoneOffset.isBlank() && !expiraEm.matches(".*([+-]\\d\\d:?\\d\\d|Z)$")) {
                return LocalDateTime.parse(expiraEm).atOffset(ZoneOffset.of(zoneOffset));
            }
            if (!expiraEm.isBlank()) {
                return CorreiosJson.parseTime(expiraEm);
            }
        } catch (RuntimeException unreadable) {
            log.warn("Correios token expiry '{}' / '{}' unreadable; assuming one hour", expiraEm, zoneOffset);
        }
        return now.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC);
    }

    private record CachedToken(String token, OffsetDateTime expiresAt, Instant refreshAt) {

        boolean usableAt(Instant now) {
            return now.isBefore(refreshAt);
        }

        @Override
        public String toString() {
            return "CachedToken[expiresAt=" + expiresAt + "]";
        }
    }
}
