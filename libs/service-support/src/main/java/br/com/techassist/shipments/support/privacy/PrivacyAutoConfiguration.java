package br.com.techassist.shipments.support.privacy;

import br.com.techassist.shipments.support.audit.AuditAutoConfiguration;
import br.com.techassist.shipments.support.audit.AuditTrail;
import br.com.techassist.shipments.support.lock.ShedLockAutoConfiguration;
import br.com.techassist.shipments.support.outbox.Outbox;
import br.com.techassist.shipments.support.outbox.OutboxAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The personal-data lifecycle of every service (ARCHITECTURE "Personal data"; settings
 * {@link PrivacyProperties}): the {@link PersonalDataKeys}; with a database, the {@link RetentionJob}
 * over the service's {@link RetentionTask} beans (audit records included when the audit trail is
 * on); and, in a service with a {@link PersonalDataHolder}, the erasure listener on
 * {@code shipments.privacy.v1} and the gauge of the oldest personal data held.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, OutboxAutoConfiguration.class,
        AuditAutoConfiguration.class, ShedLockAutoConfiguration.class})
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PrivacyAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    PersonalDataKeys personalDataKeys(PrivacyProperties props) {
        if (props.hashKey() == null || props.hashKey().isBlank()) {
            log.warn("PRIVACY_HASH_KEY is not set: the keyed hashes that stand in for phones, e-mails and documents"
                    + " use the built-in key, which is no secret. Set PRIVACY_HASH_KEY in production.");
        }
        return new PersonalDataKeys(props.hashKey());
    }

    /** What needs the service's database: the retention job, its audit task and the erasure listener. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean({DataSource.class, LockProvider.class})
    static class WithDatabase {

        @Bean
        @ConditionalOnBean(AuditTrail.class)
        RetentionTask auditRecordRetention(JdbcClient jdbc, PrivacyProperties props) {
            return new RowsOlderThan(jdbc, "audit_record", "audit_record", "id", "occurred_at", props.auditRetention());
        }

        @Bean
        RetentionJob retentionJob(ObjectProvider<RetentionTask> tasks, LockProvider locks, Environment environment,
                PrivacyProperties props, ObjectProvider<Clock> clock, MeterRegistry meters,
                ObjectProvider<PersonalDataHolder> holder) {
            Clock time = clock.getIfAvailable(Clock::systemUTC);
            PersonalDataHolder held = holder.getIfUnique();
            return new RetentionJob(tasks.orderedStream().toList(), locks, serviceName(environment), props, time, meters,
                    held == null ? null : new OldestPersonalData(held, time, meters));
        }

        @Bean
        @ConditionalOnBean({PersonalDataHolder.class, Outbox.class})
        PersonalDataErasureListener personalDataErasureListener(PersonalDataHolder holder, Outbox outbox,
                PlatformTransactionManager transactions, Environment environment, ObjectProvider<Clock> clock,
                MeterRegistry meters) {
            return new PersonalDataErasureListener(holder, outbox, new TransactionTemplate(transactions),
                    serviceName(environment), clock.getIfAvailable(Clock::systemUTC), meters);
        }

        private static String serviceName(Environment environment) {
            return environment.getRequiredProperty("spring.application.name");
        }
    }
}
