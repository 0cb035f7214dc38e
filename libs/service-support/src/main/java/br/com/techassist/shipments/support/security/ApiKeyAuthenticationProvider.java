package br.com.techassist.shipments.support.security;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Accepts a bearer token that is one of the configured {@link ApiKeys}; the principal is the key's
 * name, its one authority {@code ROLE_<role>}. A token shaped like a JWT is left to the JWT provider
 * when there is one.
 */
class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeys keys;
    private final boolean jwtsAccepted;

    ApiKeyAuthenticationProvider(ApiKeys keys, boolean jwtsAccepted) {
        this.keys = keys;
        this.jwtsAccepted = jwtsAccepted;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (jwtsAccepted && token.chars().filter(c -> c == '.').count() == 2) {
            return null;
        }
        ApiKey key = keys.find(token).orElseThrow(() -> new InvalidBearerTokenException("unknown API key"));
        return UsernamePasswordAuthenticationToken.authenticated(key.name(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + key.role())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
