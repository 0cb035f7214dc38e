package br.com.techassist.shipments.support.deadletter;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One record of a dead-letter topic as an operator sees it: where it is, why it failed (masked), and
 * whether it was replayed. The payload is never shown, only its size. {@code consumerGroup} is the group
 * that failed on it: services consuming one topic share its dead-letter topic.
 */
public record DeadLetter(String topic, int partition, long offset, Instant timestamp, @Nullable String key,
        @Nullable String originalTopic, @Nullable Integer originalPartition, @Nullable Long originalOffset,
        @Nullable String consumerGroup, @Nullable String exceptionClass, @Nullable String exceptionMessage,
        int payloadBytes, boolean replayed) {}
