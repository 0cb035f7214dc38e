package br.com.techassist.shipments.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * HTTP limits of every service ({@code shipments.web.*}).
 *
 * @param maxBodySize the largest request body accepted on {@code /api/**} (413 above)
 */
@Validated
@ConfigurationProperties("shipments.web")
public record ApiWebProperties(@DefaultValue("64KB") DataSize maxBodySize) {}
