package br.com.techassist.shipments.ingest.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Erasure requests ({@code ingest.privacy.*}).
 *
 * @param services the services that must confirm ({@code PersonalDataErased.service}) each parcel of a request
 *     before it is complete ({@code INGEST_PRIVACY_SERVICES}, comma-separated)
 */
@Validated
@ConfigurationProperties("ingest.privacy")
public record ErasureProperties(
        @DefaultValue({"prepost-ingest", "tracking-poller", "phone-validator", "notifier"})
        @NotEmpty List<@NotBlank String> services) {

    public ErasureProperties {
        services = services.stream().map(String::strip).distinct().toList();
    }
}
