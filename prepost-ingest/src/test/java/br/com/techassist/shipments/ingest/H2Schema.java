package br.com.techassist.shipments.ingest;

import br.com.techassist.shipments.support.H2Database;
import java.util.UUID;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A fresh in-memory H2 database in MySQL mode (as the standalone app runs it) with prepost-ingest's changelog applied. */
public final class H2Schema {

    private H2Schema() {}

    public static DataSource migrated() throws Exception {
        var dataSource = new DriverManagerDataSource(
                H2Database.memoryUrl("h2" + UUID.randomUUID().toString().replace("-", "")), "sa", "");
        var liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/changelog/prepost-ingest.changelog-master.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();
        return dataSource;
    }
}
