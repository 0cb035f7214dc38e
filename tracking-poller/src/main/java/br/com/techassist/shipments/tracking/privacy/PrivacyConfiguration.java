package br.com.techassist.shipments.tracking.privacy;

import br.com.techassist.shipments.support.privacy.PrivacyProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code shipments.privacy.*} (a no-op when service-support binds it too). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfiguration {}
