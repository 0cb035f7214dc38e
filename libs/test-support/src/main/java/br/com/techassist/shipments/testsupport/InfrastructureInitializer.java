package br.com.techassist.shipments.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test application context at the shared broker and the test database; accepts the {@link TestApiKeys}. */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        SharedMySqlDatabase.Coordinates db = SharedMySqlDatabase.coordinates();
        TestPropertyValues.of(
                        "spring.kafka.bootstrap-servers=" + SharedKafkaBroker.bootstrapServers(),
                        "spring.datasource.url=" + db.url(),
                        "spring.datasource.username=" + db.username(),
                        "spring.datasource.password=" + db.password(),
                        "spring.kafka.consumer.properties.metadata.max.age.ms=1000",
                        "shipments.kafka.retry-initial-interval=50ms",
                        "shipments.security.api-keys=" + TestApiKeys.apiKeys())
                .applyTo(context);
    }
}
