package br.com.techassist.shipments.phone.contact;

import java.util.UUID;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A fresh in-memory H2 database in MySQL mode (as the standalone app uses it) with this service's changelog applied. */
final class H2Schema {

    private H2Schema() {}

    static DataSource migrated() throws Exception {
        var dataSource = new DriverManagerDataSource(br.com.techassist.shipments.support.H2Database.memoryUrl("h2" + UUID.randomUUID().toString().replace("-", "")),
                "sa", "");
        var liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/changelog/phone-validator.changelog-master.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();
        return dataSource;
    }
}
