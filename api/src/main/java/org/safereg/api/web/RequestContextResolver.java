package org.safereg.api.web;

import jakarta.servlet.http.HttpServletRequest;
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
        String purpose = request.getHeader(PURPOSE_HEADER);
        return RequestContext.of(CurrentUser.actor(authentication),
                purpose == null || purpose.isBlank() ? null : purpose.strip(), RequestIdFilter.of(request));
    }
}
