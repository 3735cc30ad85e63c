package org.safereg.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.safereg.api.security.CurrentUser;
import org.safereg.registration.RequestContext;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Supplies a {@link RequestContext} to controller methods that declare one: the authenticated actor, the
 * {@value #PURPOSE_HEADER} header exactly as sent (the core's policy decision point judges it; absent or blank
 * means no purpose), and the request id. Controllers never read the purpose themselves.
 *
 * <p>A request declares one purpose. When the header is sent more than once, all its values are passed on
 * joined by commas, which no purpose code can contain: the policy decision point refuses the request as
 * {@code invalid-purpose} and audits the denial, so no declared purpose silently wins over another.
 */
public class RequestContextResolver implements HandlerMethodArgumentResolver {
    /** The header declaring the purpose of processing. */
    public static final String PURPOSE_HEADER = "X-Purpose";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return RequestContext.class.equals(parameter.getParameterType());
    }

    @Override
    public RequestContext resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                          NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("no authenticated user");
        }
        return RequestContext.of(CurrentUser.actor(authentication), declaredPurpose(request),
                RequestIdFilter.of(request));
    }

    /** The declared purpose: null when absent or blank; several header values joined by commas (never valid). */
    static String declaredPurpose(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders(PURPOSE_HEADER));
        if (values.size() > 1) {
            return values.stream().map(String::strip).collect(Collectors.joining(","));
        }
        String purpose = values.isEmpty() ? null : values.get(0);
        return purpose == null || purpose.isBlank() ? null : purpose.strip();
    }
}
