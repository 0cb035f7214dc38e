package br.com.techassist.shipments.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The roles a service's endpoints need, declared next to the endpoints as a bean, e.g.
 * {@code rules -> rules.requestMatchers("/api/shipments").hasAnyRole(ApiRoles.INTEGRATION, ApiRoles.OPERATOR)}.
 * Any {@code /api/**} request no rule matches is denied; match paths without a method where a wrong
 * method should be answered 405 rather than 403.
 */
@FunctionalInterface
public interface ApiAccess {

    void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
