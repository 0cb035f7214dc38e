package br.com.techassist.shipments.sandbox.clock;

import br.com.techassist.shipments.sandbox.SandboxProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    SimulatedClock simulatedClock(SandboxProperties properties) {
        return new SimulatedClock(properties.clock().start(), properties.clock().speed());
    }
}
