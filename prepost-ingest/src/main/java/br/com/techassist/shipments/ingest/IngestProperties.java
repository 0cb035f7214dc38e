package br.com.techassist.shipments.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of prepost-ingest ({@code ingest.*}).
 *
 * @param interval how often pre-postings are pulled ({@code INGEST_INTERVAL})
 * @param lookBack how far back POSTADO pre-postings are listed
 */
@Validated
@ConfigurationProperties("ingest")
public record IngestProperties(
        @DefaultValue("PT5M") Duration interval,
        @DefaultValue("P30D") Duration lookBack) {}
