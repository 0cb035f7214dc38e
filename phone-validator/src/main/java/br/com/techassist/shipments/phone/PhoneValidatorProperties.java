package br.com.techassist.shipments.phone;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of phone-validator ({@code phone.*}).
 *
 * @param provider WhatsApp provider used to resolve ids ({@code WHATSAPP_PROVIDER})
 * @param cacheTtl how long a provider answer is reused
 */
@Validated
@ConfigurationProperties("phone")
public record PhoneValidatorProperties(
        @DefaultValue("sandbox") String provider,
        @DefaultValue("P30D") Duration cacheTtl) {}
