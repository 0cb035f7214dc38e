package br.com.techassist.shipments.ingest;

import br.com.techassist.shipments.testsupport.IntegrationTest;
import br.com.techassist.shipments.testsupport.MovableClock;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The one application context of prepost-ingest's integration tests (every class uses this
 * annotation, so the context starts once): real broker and MySQL, MockMvc, the {@link LocalJwtIssuer}
 * and a {@link MovableClock} ticking with real time that a test jumps ahead instead of waiting.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@AutoConfigureMockMvc
@Import({LocalJwtIssuer.class, IngestIntegrationTest.TickingClock.class})
public @interface IngestIntegrationTest {

    /** The service's clock: real time plus whatever a test moved it by. */
    @TestConfiguration(proxyBeanMethods = false)
    class TickingClock {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Clock.systemUTC());
        }
    }
}
