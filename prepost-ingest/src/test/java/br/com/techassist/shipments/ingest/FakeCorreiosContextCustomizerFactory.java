package br.com.techassist.shipments.ingest;

import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every test application context of this module at the JVM's {@link FakeCorreios}. The
 * customizer is the same for every test class, so they all share one cached context (and one
 * outbox relay, which the crash test stops and restarts).
 */
public class FakeCorreiosContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new PointAtFakeCorreios();
    }

    record PointAtFakeCorreios() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestPropertyValues.of("correios.base-url=" + FakeCorreios.server().baseUrl()).applyTo(context);
        }
    }
}
