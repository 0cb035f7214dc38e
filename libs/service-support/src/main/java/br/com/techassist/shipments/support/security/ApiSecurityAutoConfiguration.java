package br.com.techassist.shipments.support.security;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * One security setup for every service: {@code /api/**} needs {@code Authorization: Bearer <credential>}
 * (an API key of {@code API_KEYS}, or a JWT of {@code SECURITY_JWT_ISSUER_URI}); each service declares
 * its endpoints' roles as {@link ApiAccess} beans and any other {@code /api/**} request is refused;
 * Actuator's health and prometheus and the provider webhooks ({@code /webhooks/**}, authenticated by
 * their signature or secret) are open; no sessions, no cookies, so no CSRF tokens.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiSecurityProperties.class)
public class ApiSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurityAutoConfiguration.class);

    @Bean
    ApiKeyAuthenticationProvider apiKeyAuthenticationProvider(ApiSecurityProperties props,
            ObjectProvider<JwtDecoder> jwtDecoder) {
        ApiKeys keys = ApiKeys.parse(props.apiKeys());
        log.info("API credentials: {} API key(s) {}; JWT bearer tokens {}", keys.all().size(), keys.all(),
                jwtDecoder.getIfAvailable() != null ? "accepted (roles from claim '" + props.jwt().rolesClaim() + "')"
                        : "off (SECURITY_JWT_ISSUER_URI not set)");
        return new ApiKeyAuthenticationProvider(keys, jwtDecoder.getIfAvailable() != null);
    }

    @Bean
    @ConditionalOnMissingBean
    @Conditional(JwtIssuerCondition.class)
    JwtDecoder jwtDecoder(ApiSecurityProperties props) {
        String issuer = props.jwt().issuerUri();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        return decoder;
    }

    @Bean
    AccessDeniedProblems accessDeniedProblems(MeterRegistry meters) {
        return new AccessDeniedProblems(meters);
    }

    @Bean
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiKeyAuthenticationProvider apiKeys,
            ObjectProvider<JwtDecoder> jwtDecoder, ApiSecurityProperties props, ObjectProvider<ApiAccess> access,
            AccessDeniedProblems problems) {
        AuthenticationManager credentials = credentials(apiKeys, jwtDecoder.getIfAvailable(), props);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll();
                    rules.requestMatchers("/webhooks/**", "/error").permitAll();
                    access.orderedStream().forEach(a -> a.declare(rules));
                    rules.anyRequest().denyAll();
                })
                .oauth2ResourceServer(rs -> rs.authenticationManagerResolver(request -> credentials)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** API keys first; with a JWT decoder, JWTs with their roles in the configured claim. */
    static AuthenticationManager credentials(ApiKeyAuthenticationProvider apiKeys, @Nullable JwtDecoder jwtDecoder,
            ApiSecurityProperties props) {
        List<AuthenticationProvider> providers = new ArrayList<>(List.of(apiKeys));
        if (jwtDecoder != null) {
            JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
            roles.setAuthoritiesClaimName(props.jwt().rolesClaim());
            roles.setAuthorityPrefix("ROLE_");
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(roles);
            JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(jwtDecoder);
            jwt.setJwtAuthenticationConverter(converter);
            providers.add(jwt);
        }
        return new ProviderManager(providers);
    }
}
