package br.com.techassist.shipments.support.deadletter;

import br.com.techassist.shipments.support.audit.AuditAutoConfiguration;
import br.com.techassist.shipments.support.audit.AuditTrail;
import br.com.techassist.shipments.support.security.ApiAccess;
import br.com.techassist.shipments.support.security.ApiRoles;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerConfigUtils;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The operator's dead-letter endpoints and gauge, in a service with {@code shipments.dead-letters.enabled=true}. */
@AutoConfiguration(after = {AuditAutoConfiguration.class, KafkaAutoConfiguration.class})
@ConditionalOnProperty(name = "shipments.dead-letters.enabled", havingValue = "true")
@ConditionalOnBean(AuditTrail.class)
@EnableConfigurationProperties(DeadLetterProperties.class)
public class DeadLetterAutoConfiguration {

    @Bean
    DeadLetterTopics deadLetterTopics(
            @org.springframework.beans.factory.annotation.Qualifier(
                    KafkaListenerConfigUtils.KAFKA_LISTENER_ENDPOINT_REGISTRY_BEAN_NAME) KafkaListenerEndpointRegistry listeners) {
        return new DeadLetterTopics(listeners);
    }

    @Bean
    DeadLetterLog deadLetterLog(KafkaProperties kafka, DeadLetterProperties props) {
        return new DeadLetterLog(kafka.buildConsumerProperties(), props.brokerTimeout(), props.acknowledgedGroup());
    }

    @Bean
    DeadLetterReplays deadLetterReplays(JdbcClient jdbc) {
        return new DeadLetterReplays(jdbc);
    }

    @Bean
    DeadLetterReplayer deadLetterReplayer(DeadLetterLog log, DeadLetterReplays replays, AuditTrail audit,
            KafkaProperties kafka, TransactionTemplate transactions, DeadLetterProperties props,
            ObjectProvider<Clock> clock) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letter-replay");
        var factory = new DefaultKafkaProducerFactory<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        return new DeadLetterReplayer(log, replays, audit, new KafkaTemplate<>(factory), transactions, props,
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    DeadLettersWaiting deadLettersWaiting(DeadLetterTopics topics, DeadLetterLog log, DeadLetterReplays replays,
            MeterRegistry meters, DeadLetterProperties props) {
        return new DeadLettersWaiting(topics, log, replays, meters, props);
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetterTopics topics, DeadLetterLog log, DeadLetterReplays replays,
            DeadLetterReplayer replayer, DeadLetterProperties props) {
        return new DeadLetterController(topics, log, replays, replayer, props);
    }

    @Bean
    ApiAccess deadLetterRoles() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/dead-letters").hasAnyRole(ApiRoles.OPERATOR, ApiRoles.AUDITOR)
                .requestMatchers("/api/dead-letters/replay").hasRole(ApiRoles.OPERATOR);
    }
}
