package br.com.techassist.shipments.ingest;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock, and the database lock (ShedLock, table {@code shedlock}; its {@code LockProvider} comes
 * from service-support) that lets one replica poll at a time.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class IngestConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
