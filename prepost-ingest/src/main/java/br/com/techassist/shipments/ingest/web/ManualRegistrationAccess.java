package br.com.techassist.shipments.ingest.web;

import br.com.techassist.shipments.support.security.ApiAccess;
import br.com.techassist.shipments.support.security.ApiRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may register: another system ({@code integration}) or an operator by hand ({@code operator}). */
@Configuration(proxyBeanMethods = false)
class ManualRegistrationAccess {

    @Bean
    ApiAccess manualRegistrationRoles() {
        return rules -> rules.requestMatchers("/api/shipments").hasAnyRole(ApiRoles.INTEGRATION, ApiRoles.OPERATOR);
    }
}
