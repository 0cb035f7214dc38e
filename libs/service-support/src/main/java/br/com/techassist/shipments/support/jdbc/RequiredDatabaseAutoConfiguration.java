package br.com.techassist.shipments.support.jdbc;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Fail fast, never fail open: a service with a data source refuses to start, before any bean is
 * created, unless its database is configured ({@code MYSQL_URL}, which the shared defaults map to
 * {@code spring.datasource.url}). There is no fallback database: the embedded H2 one exists only in
 * the standalone launcher and in tests, which set the URL themselves.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(DataSource.class)
public class RequiredDatabaseAutoConfiguration {

    @Bean
    static BeanFactoryPostProcessor shipmentsRequiredDatabase(Environment environment) {
        return beanFactory -> {
            boolean usesDatabase = beanFactory.getBeanNamesForType(DataSource.class, true, false).length > 0;
            String url = environment.getProperty("spring.datasource.url");
            if (usesDatabase && (url == null || url.isBlank())) {
                throw new MissingDatabaseException(environment.getProperty("spring.application.name", "this service"));
            }
        };
    }
}
