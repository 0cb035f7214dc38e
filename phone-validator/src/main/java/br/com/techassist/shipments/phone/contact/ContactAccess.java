package br.com.techassist.shipments.phone.contact;

import br.com.techassist.shipments.support.security.ApiAccess;
import br.com.techassist.shipments.support.security.ApiRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Contacts: operators and auditors read (auditors see phones masked), only operators correct. */
@Configuration(proxyBeanMethods = false)
class ContactAccess {

    @Bean
    ApiAccess contactRoles() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/contacts/*").hasAnyRole(ApiRoles.OPERATOR, ApiRoles.AUDITOR)
                .requestMatchers("/api/contacts/*").hasRole(ApiRoles.OPERATOR);
    }
}
