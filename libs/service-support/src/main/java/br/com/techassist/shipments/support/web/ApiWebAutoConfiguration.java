package br.com.techassist.shipments.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Problem details for every error (no Boot error page), a bounded request body and a request id, in
 * every service.
 */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiWebProperties.class)
public class ApiWebAutoConfiguration {

    @Bean
    ApiProblemHandler apiProblemHandler() {
        return new ApiProblemHandler();
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** Before Spring Security's filters (-100), so a 401 carries the id too. */
    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** On {@code /api/*} only: provider webhooks batch statuses and must never be refused for their size. */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimit(ApiWebProperties props) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(props.maxBodySize().toBytes()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(0);
        return registration;
    }
}
