package br.com.techassist.shipments.support.security;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Credentials for {@code /api/**} ({@code shipments.security.*}).
 *
 * @param apiKeys {@code API_KEYS}: {@code name:role:hash} entries, see {@link ApiKeys}
 * @param jwt JWT bearer tokens, on when an issuer is set
 */
@Validated
@ConfigurationProperties("shipments.security")
public record ApiSecurityProperties(@DefaultValue("") String apiKeys, @DefaultValue Jwt jwt) {

    /**
     * @param issuerUri {@code SECURITY_JWT_ISSUER_URI}: the issuer whose tokens are accepted (its
     *     {@code /.well-known/openid-configuration} gives the keys); empty turns JWTs off
     * @param rolesClaim {@code SECURITY_JWT_ROLES_CLAIM}: the claim that lists the roles (a list or a space-separated string)
     */
    public record Jwt(@Nullable String issuerUri, @DefaultValue("roles") @NotBlank String rolesClaim) {

        public boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }
}
