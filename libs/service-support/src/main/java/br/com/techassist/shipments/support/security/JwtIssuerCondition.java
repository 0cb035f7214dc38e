package br.com.techassist.shipments.support.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when {@code shipments.security.jwt.issuer-uri} ({@code SECURITY_JWT_ISSUER_URI}) has a value. */
class JwtIssuerCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty("shipments.security.jwt.issuer-uri"));
    }
}
