package br.com.techassist.shipments.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import br.com.techassist.shipments.support.ShipmentsService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Fail fast, never fail open: a service started as in production, but without {@code MYSQL_URL},
 * refuses to start with a message naming the variable, instead of running on some default database.
 */
class RequiredDatabaseTest {

    @Test
    void aServiceWithoutMysqlUrlRefusesToStartAndSaysWhy() {
        // "--MYSQL_URL=" hides a MYSQL_URL the test JVM itself may have (CI sets one)
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(DatabaseService.class)
                .web(WebApplicationType.NONE)
                .registerShutdownHook(false)
                .run("--MYSQL_URL=", "--spring.kafka.bootstrap-servers=localhost:1"));

        assertThat(failure).isInstanceOf(MissingDatabaseException.class)
                .hasMessageStartingWith("database-test refuses to start: MYSQL_URL is not set")
                .hasMessageContaining("standalone launcher");
        FailureAnalysis analysis = new MissingDatabaseFailureAnalyzer().analyze(failure);
        assertThat(analysis.getAction()).contains("MYSQL_URL, MYSQL_USERNAME and MYSQL_PASSWORD for database-test");
    }

    @ShipmentsService("database-test")
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class DatabaseService {}
}
