package br.com.techassist.shipments.support.deadletter;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Operator access to the dead-letter topics ({@code shipments.dead-letters.*}).
 *
 * @param enabled whether this service exposes its dead-letter topics (needs the audit trail and the
 *     {@code dead_letter_replay} table)
 * @param maxReplay most records one replay call may republish
 * @param maxPageSize largest page of {@code GET /api/dead-letters}
 * @param refreshInterval how often {@code shipments_dead_letters_waiting} is recomputed from the broker
 * @param brokerTimeout how long a read of the broker may take
 * @param acknowledgedGroup the consumer group whose committed offsets mark records operators
 *     acknowledged without replaying (as the {@code KafkaDeadLetterTopicNotEmpty} alert counts them)
 */
@Validated
@ConfigurationProperties("shipments.dead-letters")
public record DeadLetterProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("1000") @Min(1) @Max(10_000) int maxReplay,
        @DefaultValue("200") @Min(1) @Max(1000) int maxPageSize,
        @DefaultValue("30s") @NotNull Duration refreshInterval,
        @DefaultValue("10s") @NotNull Duration brokerTimeout,
        @DefaultValue("shipments-dlt-acknowledged") @NotBlank String acknowledgedGroup) {}
