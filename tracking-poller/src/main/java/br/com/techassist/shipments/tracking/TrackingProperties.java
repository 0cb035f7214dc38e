package br.com.techassist.shipments.tracking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of tracking-poller ({@code tracking.*}).
 *
 * @param minInterval shortest gap between two polls of one object ({@code TRACKING_MIN_INTERVAL})
 * @param timeScale multiplies every schedule duration ({@code TRACKING_TIME_SCALE})
 */
@Validated
@ConfigurationProperties("tracking")
public record TrackingProperties(
        @DefaultValue("PT10M") Duration minInterval,
        @DefaultValue("1") double timeScale) {}
