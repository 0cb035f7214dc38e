package br.com.techassist.shipments.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a service on its {@code @SpringBootApplication} class. The name becomes
 * {@code spring.application.name} and selects the service's own configuration files, so several
 * services can share one classpath (the standalone app) without reading each other's settings:
 * {@code <name>.yml} instead of {@code application.yml}, and the Liquibase changelog
 * {@code db/changelog/<name>.changelog-master.yaml}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ShipmentsService {
    String value();
}
