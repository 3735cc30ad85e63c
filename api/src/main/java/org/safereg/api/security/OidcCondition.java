package org.safereg.api.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when {@code registry.oidc.issuer-uri} is set: JWT bearer tokens, no local accounts. */
public class OidcCondition implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return oidc(context);
    }

    static boolean oidc(ConditionContext context) {
        String issuer = context.getEnvironment().getProperty("registry.oidc.issuer-uri");
        return issuer != null && !issuer.isBlank();
    }

    /** The opposite: local accounts with HTTP Basic. */
    public static class LocalAccounts implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !oidc(context);
        }
    }
}
