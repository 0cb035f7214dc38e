package br.com.techassist.shipments.ingest.privacy;

import br.com.techassist.shipments.support.privacy.PersonalDataKeys;
import br.com.techassist.shipments.support.privacy.PrivacyProperties;
import br.com.techassist.shipments.support.security.ApiAccess;
import br.com.techassist.shipments.support.security.ApiRoles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The personal-data settings ({@code shipments.privacy.*}), the keys of the erasure index and who may
 * use the erasure API: an {@code operator} files a request, an {@code operator} or {@code auditor}
 * follows it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PrivacyConfiguration.class);

    /** Until service-support provides it: keyed with {@code PRIVACY_HASH_KEY}. */
    @Bean
    @ConditionalOnMissingBean
    PersonalDataKeys personalDataKeys(PrivacyProperties privacy) {
        if (privacy.hashKey() == null || privacy.hashKey().isBlank()) {
            log.warn("PRIVACY_HASH_KEY (shipments.privacy.hash-key) is not set: the erasure index uses the built-in"
                    + " key, which is no secret; set it in production (changing it later orphans the stored keys)");
        }
        return new PersonalDataKeys(privacy.hashKey());
    }

    @Bean
    ApiAccess erasureRoles() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/privacy/erasures").hasRole(ApiRoles.OPERATOR)
                .requestMatchers(HttpMethod.GET, "/api/privacy/erasures/*").hasAnyRole(ApiRoles.OPERATOR, ApiRoles.AUDITOR);
    }
}
