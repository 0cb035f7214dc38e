package br.com.techassist.shipments.support.deadletter;

import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.support.logging.Masking;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * What the dead-letter recoverer wrote in a record's headers ({@code kafka_dlt-*} of spring-kafka's
 * {@link KafkaHeaders}), read for an operator: exception messages have personal data masked
 * ({@link Masking#freeText}, as the recoverer wrote them; records dead-lettered before it did are
 * masked here) and are cut to a readable length, since a message may quote what the record held.
 */
final class DeadLetterHeaders {

    /** The header a replayed record carries: {@code <dlt topic>/<partition>/<offset>} it came from. */
    static final String REPLAYED_FROM = "shipments_replayed_from";

    private static final String DLT_PREFIX = "kafka_dlt-";
    private static final int MAX_MESSAGE = 500;

    private DeadLetterHeaders() {}

    static DeadLetter view(ConsumerRecord<byte[], byte[]> r, Set<DeadLetterReplays.Position> replayed) {
        return new DeadLetter(r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), key(r),
                originalTopic(r), intHeader(r, KafkaHeaders.DLT_ORIGINAL_PARTITION),
                longHeader(r, KafkaHeaders.DLT_ORIGINAL_OFFSET), text(r, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
                exceptionClass(r),
                masked(text(r, KafkaHeaders.DLT_EXCEPTION_MESSAGE)), r.value() == null ? 0 : r.value().length,
                replayed.contains(position(r)));
    }

    static DeadLetterReplays.Position position(ConsumerRecord<?, ?> r) {
        return new DeadLetterReplays.Position(r.topic(), r.partition(), r.offset());
    }

    static @Nullable String key(ConsumerRecord<byte[], byte[]> r) {
        return r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
    }

    /** The topic the record failed on: from its header, else the dead-letter topic's name without the suffix. */
    static String originalTopic(ConsumerRecord<byte[], byte[]> r) {
        String header = text(r, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (header != null) {
            return header;
        }
        return r.topic().substring(0, r.topic().length() - Topics.DEAD_LETTER_SUFFIX.length());
    }

    /** Whether {@code header} was added by the dead-letter recoverer or a previous replay (left out of a replay). */
    static boolean isDeadLetterHeader(Header header) {
        return header.key().startsWith(DLT_PREFIX) || header.key().equals(REPLAYED_FROM);
    }

    static @Nullable String exceptionClass(ConsumerRecord<byte[], byte[]> r) {
        String cause = text(r, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        return cause != null ? cause : text(r, KafkaHeaders.DLT_EXCEPTION_FQCN);
    }

    /** The message as an operator may read it: personal data masked (already so since the recoverer masks it), cut. */
    static @Nullable String masked(@Nullable String message) {
        if (message == null) {
            return null;
        }
        String out = Masking.freeText(message);
        return out.length() > MAX_MESSAGE ? out.substring(0, MAX_MESSAGE) + "…" : out;
    }

    private static @Nullable String text(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static @Nullable Integer intHeader(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null || h.value().length != Integer.BYTES ? null : ByteBuffer.wrap(h.value()).getInt();
    }

    private static @Nullable Long longHeader(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null || h.value().length != Long.BYTES ? null : ByteBuffer.wrap(h.value()).getLong();
    }
}
