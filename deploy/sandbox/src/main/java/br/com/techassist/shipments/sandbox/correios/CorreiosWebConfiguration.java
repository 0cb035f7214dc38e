package br.com.techassist.shipments.sandbox.correios;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class CorreiosWebConfiguration implements WebMvcConfigurer {

    private final Tokens tokens;
    private final JsonMapper json;

    CorreiosWebConfiguration(Tokens tokens, JsonMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new BearerTokenInterceptor(tokens, json))
                .addPathPatterns("/prepostagem/**", "/srorastro/**");
    }
}
