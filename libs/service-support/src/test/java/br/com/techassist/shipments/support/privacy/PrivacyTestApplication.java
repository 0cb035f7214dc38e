package br.com.techassist.shipments.support.privacy;

import br.com.techassist.shipments.model.PersonalDataErasureRequested;
import br.com.techassist.shipments.support.ShipmentsService;
import br.com.techassist.shipments.testsupport.MovableClock;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/** A service named {@value #SERVICE} that holds personal data ({@link TestHolder}) and has two test retention tasks. */
@ShipmentsService(PrivacyTestApplication.SERVICE)
@SpringBootConfiguration
@EnableAutoConfiguration
class PrivacyTestApplication {

    static final String SERVICE = "privacy-test";
    static final int BATCH_SIZE = 2;

    @Bean
    MovableClock clock() {
        return new MovableClock(Clock.systemUTC());
    }

    @Bean
    TestHolder testHolder() {
        return new TestHolder();
    }

    @Bean
    @Order(1)
    BrokenTask brokenTask() {
        return new BrokenTask();
    }

    @Bean
    @Order(2)
    EndlessTask endlessTask() {
        return new EndlessTask();
    }

    /**
     * Holds personal data of the codes given to {@link #hold}: the first erase of such a code
     * changes {@value #ROWS} rows, any later one none (idempotent, as the SPI demands).
     */
    static class TestHolder implements PersonalDataHolder {
        static final int ROWS = 3;
        final Set<String> held = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final AtomicReference<Instant> oldest = new AtomicReference<>();

        void hold(String trackingCode) {
            held.add(trackingCode);
        }

        int calls(String trackingCode) {
            return calls.getOrDefault(trackingCode, new AtomicInteger()).get();
        }

        @Override
        public int erase(String trackingCode, PersonalDataErasureRequested.Reason reason) {
            calls.computeIfAbsent(trackingCode, c -> new AtomicInteger()).incrementAndGet();
            return held.remove(trackingCode) ? ROWS : 0;
        }

        @Override
        public Optional<Instant> oldestHeld() {
            return Optional.ofNullable(oldest.get());
        }
    }

    /** Fails every time, without touching anything. */
    static class BrokenTask implements RetentionTask {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String name() {
            return "broken";
        }

        @Override
        public int purge(Instant now, int limit) {
            calls.incrementAndGet();
            throw new IllegalStateException("broken task: Maria da Silva +55 43 99999-0021");
        }
    }

    /** Always has a full batch more to purge. */
    static class EndlessTask implements RetentionTask {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String name() {
            return "endless";
        }

        @Override
        public int purge(Instant now, int limit) {
            calls.incrementAndGet();
            return limit;
        }
    }
}
