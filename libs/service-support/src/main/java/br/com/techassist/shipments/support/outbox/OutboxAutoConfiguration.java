package br.com.techassist.shipments.support.outbox;

import br.com.techassist.shipments.support.kafka.EventPublisher;
import br.com.techassist.shipments.support.kafka.KafkaEventsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The transactional outbox, on by default in every service with a database (table from {@code db/changelog/outbox}). */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, KafkaEventsAutoConfiguration.class})
@ConditionalOnBean(javax.sql.DataSource.class)
@ConditionalOnProperty(name = "shipments.outbox.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager txManager, EventPublisher publisher,
            OutboxProperties props, MeterRegistry meters) {
        // READ COMMITTED: the relay's locking read then locks the rows it publishes, not the gap after
        // them, so services keep inserting outbox rows while a batch waits for Kafka's acknowledgements
        // (under MySQL's default REPEATABLE READ every insert would wait for the relay)
        TransactionTemplate tx = new TransactionTemplate(txManager);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return new OutboxRelay(jdbc, tx, publisher, props, meters);
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, OutboxRelay relay) {
        return new Outbox(jdbc, relay);
    }
}
