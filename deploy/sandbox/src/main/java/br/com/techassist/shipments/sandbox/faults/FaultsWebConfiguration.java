package br.com.techassist.shipments.sandbox.faults;

import br.com.techassist.shipments.sandbox.faults.Faults.Api;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the fault interceptors in front of the fake APIs (never in front of {@code /sandbox/**}). */
@Configuration(proxyBeanMethods = false)
class FaultsWebConfiguration implements WebMvcConfigurer {

    /** Paths of the fake Correios API. */
    static final String[] CORREIOS_PATHS = {"/token/**", "/prepostagem/**", "/srorastro/**"};
    /** Paths of the fake WhatsApp APIs (Evolution, Cloud API). */
    static final String[] WHATSAPP_PATHS = {"/chat/**", "/message/**", "/v*/*/messages"};

    private final Faults faults;
    private final FaultResponses responses;
    private final MeterRegistry meters;

    FaultsWebConfiguration(Faults faults, FaultResponses responses, MeterRegistry meters) {
        this.faults = faults;
        this.responses = responses;
        this.meters = meters;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new FaultInterceptor(Api.CORREIOS, faults, responses, meters))
                .addPathPatterns(CORREIOS_PATHS)
                .order(Ordered.HIGHEST_PRECEDENCE);
        registry.addInterceptor(new FaultInterceptor(Api.WHATSAPP, faults, responses, meters))
                .addPathPatterns(WHATSAPP_PATHS)
                .order(Ordered.HIGHEST_PRECEDENCE);
    }
}
