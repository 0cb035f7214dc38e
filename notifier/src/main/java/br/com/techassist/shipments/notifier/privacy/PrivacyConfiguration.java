package br.com.techassist.shipments.notifier.privacy;

import br.com.techassist.shipments.support.privacy.PersonalDataKeys;
import br.com.techassist.shipments.support.privacy.PrivacyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The keyed hashes the opt-outs are stored as ({@code shipments.privacy.hash-key},
 * {@code PRIVACY_HASH_KEY}), unless service-support already provides them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PrivacyConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    PersonalDataKeys personalDataKeys(PrivacyProperties privacy) {
        if (privacy.hashKey() == null || privacy.hashKey().isBlank()) {
            log.warn("PRIVACY_HASH_KEY is not set: opt-outs are keyed with the built-in demo key; set a secret in production");
        }
        return new PersonalDataKeys(privacy.hashKey());
    }
}
