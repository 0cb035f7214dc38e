package br.com.techassist.shipments.correios;

import br.com.techassist.shipments.correios.prepostagem.PrePostagemClient;
import br.com.techassist.shipments.correios.rastro.RastroClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Correios clients ({@link CorreiosTokenProvider}, {@link RastroClient},
 * {@link PrePostagemClient}) configured from {@code correios.*}: a service adds the dependency and
 * sets the properties.
 */
@AutoConfiguration
@EnableConfigurationProperties(CorreiosProperties.class)
public class CorreiosAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CorreiosTokenProvider correiosTokenProvider(CorreiosProperties props, ObjectProvider<MeterRegistry> meters,
            ObjectProvider<Clock> clock) {
        CorreiosMetrics metrics = new CorreiosMetrics(meters.getIfAvailable(SimpleMeterRegistry::new));
        CorreiosHttp http = new CorreiosHttp(props, metrics, duration -> Thread.sleep(duration));
        return new CorreiosTokenProvider(props, http, metrics, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    CorreiosGateway correiosGateway(CorreiosTokenProvider tokens) {
        return new CorreiosGateway(tokens.http(), tokens);
    }

    @Bean
    @ConditionalOnMissingBean
    RastroClient rastroClient(CorreiosGateway gateway) {
        return new RastroClient(gateway);
    }

    @Bean
    @ConditionalOnMissingBean
    PrePostagemClient prePostagemClient(CorreiosGateway gateway) {
        return new PrePostagemClient(gateway);
    }
}
