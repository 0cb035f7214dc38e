package br.com.techassist.shipments.support.kafka;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Topic layout and consumer retry settings shared by every service ({@code shipments.kafka.*}).
 *
 * @param partitions partitions of each contract topic when this service creates it
 * @param replicas replication factor of the topics this service creates
 * @param retryAttempts attempts of a failing record before it is dead-lettered
 * @param retryInitialInterval first back-off between attempts (doubles each time)
 * @param outageMaxInterval longest back-off while the database or the broker is unreachable
 *     (such failures are retried without limit instead of being dead-lettered)
 */
@Validated
@ConfigurationProperties("shipments.kafka")
public record ShipmentsKafkaProperties(
        @DefaultValue("6") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicas,
        @DefaultValue("4") @Min(1) int retryAttempts,
        @DefaultValue("500ms") Duration retryInitialInterval,
        @DefaultValue("30s") Duration outageMaxInterval) {}
