package br.com.techassist.shipments.support.kafka;

import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.ShipmentEventSerializer;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.support.Outages;
import br.com.techassist.shipments.support.logging.Masking;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka wiring for the event contract, the same in every service: topic beans (each topic and its
 * {@code .dlt}), a publisher, and one error handler that retries transient failures with back-off
 * and sends poison records (undeserialisable, invalid) straight to {@code <topic>.dlt} with the
 * exception in the headers (personal data masked: {@link MaskingDeadLetterRecoverer}), counting them
 * in {@code shipments_dead_letters_total}.
 */
@AutoConfiguration
@EnableConfigurationProperties(ShipmentsKafkaProperties.class)
public class KafkaEventsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventsAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<String, ShipmentEvent> template) {
        return new EventPublisher(template);
    }

    @Bean
    KafkaAdmin.NewTopics shipmentTopics(ShipmentsKafkaProperties props) {
        var topics = new java.util.ArrayList<NewTopic>();
        for (String topic : Topics.ALL) {
            topics.add(TopicBuilder.name(topic).partitions(props.partitions()).replicas(props.replicas()).build());
            topics.add(TopicBuilder.name(Topics.deadLetter(topic)).partitions(1).replicas(props.replicas()).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler shipmentsErrorHandler(KafkaProperties kafka, ShipmentsKafkaProperties props, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        Map<Class<?>, org.apache.kafka.common.serialization.Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(ShipmentEvent.class, new ShipmentEventSerializer());
        byType.put(String.class, new StringSerializer());
        ProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(
                config, null, new DelegatingByTypeSerializer(byType, true));
        for (String topic : Topics.ALL) { // at zero from the start: the dead-letter alert sees the series at once
            meters.counter("shipments_dead_letters", "topic", topic);
        }
        var recoverer = new MaskingDeadLetterRecoverer(new KafkaTemplate<>(factory), (record, ex) -> {
            meters.counter("shipments_dead_letters", "topic", record.topic()).increment();
            log.error("dead-lettering {}-{}@{} key={}: {}", record.topic(), record.partition(), record.offset(),
                    record.key(), Masking.freeText(rootMessage(ex)));
            return new TopicPartition(Topics.deadLetter(record.topic()), -1);
        });
        var backOff = new ExponentialBackOff(props.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxAttempts(props.retryAttempts());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.setBackOffFunction((record, ex) -> isInfrastructureOutage(ex) ? untilInfrastructureReturns(props) : null);
        handler.addNotRetryableExceptions(DeserializationException.class, SerializationException.class,
                IllegalArgumentException.class, PoisonRecordException.class);
        return handler;
    }

    /**
     * A database or broker that is briefly away is no reason to dead-letter a good record: such
     * failures are retried without limit (the partition waits, keeping order), backing off to
     * {@code shipments.kafka.outage-max-interval}.
     */
    static boolean isInfrastructureOutage(Throwable ex) {
        return Outages.isOutage(ex);
    }

    private static ExponentialBackOff untilInfrastructureReturns(ShipmentsKafkaProperties props) {
        var backOff = new ExponentialBackOff(props.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(props.outageMaxInterval().toMillis());
        return backOff;
    }

    private static String rootMessage(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
