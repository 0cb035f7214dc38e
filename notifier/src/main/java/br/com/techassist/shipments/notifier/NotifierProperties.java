package br.com.techassist.shipments.notifier;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of notifier ({@code notifier.*}).
 *
 * @param provider WhatsApp provider used to send ({@code WHATSAPP_PROVIDER})
 * @param quietHours sending window in the recipient's time zone, or {@code off} ({@code QUIET_HOURS})
 */
@Validated
@ConfigurationProperties("notifier")
public record NotifierProperties(
        @DefaultValue("sandbox") String provider,
        @DefaultValue("08:00-20:00") String quietHours) {}
