package br.com.techassist.shipments.notifier.operator;

import br.com.techassist.shipments.support.security.ApiAccess;
import br.com.techassist.shipments.support.security.ApiRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Parcels and notifications: operators and auditors read (auditors see contacts masked), only operators act. */
@Configuration(proxyBeanMethods = false)
class OperatorAccess {

    @Bean
    ApiAccess notifierRoles() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/parcels/*", "/api/notifications").hasAnyRole(ApiRoles.OPERATOR, ApiRoles.AUDITOR)
                .requestMatchers("/api/parcels/*", "/api/notifications", "/api/notifications/**").hasRole(ApiRoles.OPERATOR);
    }
}
