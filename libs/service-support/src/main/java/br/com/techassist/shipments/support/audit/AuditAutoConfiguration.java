package br.com.techassist.shipments.support.audit;

import br.com.techassist.shipments.support.security.ApiAccess;
import br.com.techassist.shipments.support.security.ApiRoles;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail, in a service that turns it on ({@code shipments.audit.enabled=true}) and includes
 * {@code db/changelog/audit/001-audit-record.yaml} in its changelog.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(name = "shipments.audit.enabled", havingValue = "true")
public class AuditAutoConfiguration {

    @Bean
    AuditTrail auditTrail(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        return new AuditTrail(jdbc, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    AuditController auditController(AuditTrail trail) {
        return new AuditController(trail);
    }

    @Bean
    ApiAccess auditRoles() {
        return rules -> rules.requestMatchers(HttpMethod.GET, "/api/audit").hasAnyRole(ApiRoles.OPERATOR, ApiRoles.AUDITOR);
    }
}
