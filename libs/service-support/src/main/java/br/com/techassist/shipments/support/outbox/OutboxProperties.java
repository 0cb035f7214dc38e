package br.com.techassist.shipments.support.outbox;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outbox relay settings ({@code shipments.outbox.*}).
 *
 * @param enabled whether this service runs a relay (its database must hold the outbox table)
 * @param pollInterval how often the relay looks for rows when nobody woke it up
 * @param batchSize rows published per transaction
 * @param sendTimeout how long a batch may wait for Kafka's acknowledgements
 * @param maxBackoff longest pause after failed passes (Kafka or database down)
 */
@Validated
@ConfigurationProperties("shipments.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("500") @Min(1) int batchSize,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("10s") Duration maxBackoff) {}
