package br.com.techassist.shipments.ingest.privacy;

import br.com.techassist.shipments.support.security.ApiAccess;
import br.com.techassist.shipments.support.security.ApiRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use the erasure API: an {@code operator} files a request, an {@code operator} or
 * {@code auditor} follows it. (The privacy settings and {@code PersonalDataKeys} come from
 * service-support's {@code PrivacyAutoConfiguration}.)
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    ApiAccess erasureRoles() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/privacy/erasures").hasRole(ApiRoles.OPERATOR)
                .requestMatchers(HttpMethod.GET, "/api/privacy/erasures/*").hasAnyRole(ApiRoles.OPERATOR, ApiRoles.AUDITOR);
    }
}
