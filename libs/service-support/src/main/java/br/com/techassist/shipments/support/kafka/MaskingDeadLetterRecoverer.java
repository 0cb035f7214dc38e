package br.com.techassist.shipments.support.kafka;

import br.com.techassist.shipments.support.logging.Masking;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * A {@link DeadLetterPublishingRecoverer} whose exception headers never carry a phone, e-mail or
 * CPF/CNPJ in clear (ARCHITECTURE "Personal data"): an exception message, a cause's message and the
 * stack trace may quote what the record held, so their text goes through {@link Masking#freeText}
 * before the record is written to the dead-letter topic.
 */
final class MaskingDeadLetterRecoverer extends DeadLetterPublishingRecoverer {

    /** The headers whose text comes from an exception (messages, stack traces, also of a key that failed). */
    static final Set<String> EXCEPTION_TEXT = Set.of(
            KafkaHeaders.DLT_EXCEPTION_MESSAGE, KafkaHeaders.DLT_EXCEPTION_STACKTRACE,
            KafkaHeaders.DLT_KEY_EXCEPTION_MESSAGE, KafkaHeaders.DLT_KEY_EXCEPTION_STACKTRACE,
            KafkaHeaders.EXCEPTION_MESSAGE, KafkaHeaders.EXCEPTION_STACKTRACE,
            KafkaHeaders.KEY_EXCEPTION_MESSAGE, KafkaHeaders.KEY_EXCEPTION_STACKTRACE);

    MaskingDeadLetterRecoverer(KafkaOperations<?, ?> template,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination) {
        super(template, destination);
    }

    @Override
    protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
            TopicPartition topicPartition, Headers headers, byte @Nullable [] key, byte @Nullable [] value) {
        maskExceptionText(headers);
        return super.createProducerRecord(record, topicPartition, headers, key, value);
    }

    /** Replaces the value of every exception-text header by its masked text, keeping their order. */
    static void maskExceptionText(Headers headers) {
        for (String name : EXCEPTION_TEXT) {
            List<byte[]> masked = new ArrayList<>();
            for (Header header : headers.headers(name)) {
                masked.add(header.value() == null ? null
                        : Masking.freeText(new String(header.value(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            }
            if (!masked.isEmpty()) {
                headers.remove(name);
                masked.forEach(value -> headers.add(name, value));
            }
        }
    }
}
