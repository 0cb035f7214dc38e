package br.com.techassist.shipments.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of prepost-ingest ({@code ingest.*}).
 *
 * @param interval how often pre-postings are pulled ({@code INGEST_INTERVAL})
 * @param initialDelay wait after start-up before the first poll
 * @param lookBack how far back POSTADO pre-postings are listed (split into windows of at most 30 days)
 * @param pageSize items requested per page of the listing
 * @param maxPages safety stop: pages read per listing in one poll at most
 * @param schedulingEnabled whether this instance polls on its own (tests switch it off and poll by hand)
 * @param lockAtMostFor how long a crashed poller can keep the other replicas from polling
 * @param lockAtLeastFor minimum lock hold, so replicas with skewed clocks do not poll back to back
 */
@Validated
@ConfigurationProperties("ingest")
public record IngestProperties(
        @DefaultValue("PT5M") @NotNull Duration interval,
        @DefaultValue("PT10S") @NotNull Duration initialDelay,
        @DefaultValue("P30D") @NotNull Duration lookBack,
        @DefaultValue("100") @Min(1) @Max(1000) int pageSize,
        @DefaultValue("1000") @Min(1) int maxPages,
        @DefaultValue("true") boolean schedulingEnabled,
        @DefaultValue("PT30M") @NotNull Duration lockAtMostFor,
        @DefaultValue("PT10S") @NotNull Duration lockAtLeastFor) {}
