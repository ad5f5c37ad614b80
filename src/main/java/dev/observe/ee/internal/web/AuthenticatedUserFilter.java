package dev.observe.ee.internal.web;

import dev.observe.ee.logging.LogContext;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;

/**
 * Binds {@code user_id} once the caller is authenticated, like the guide's middleware "after auth": it runs after
 * the application's own JAX-RS authentication filters ({@link Priorities#AUTHENTICATION}), so a user they
 * establish is seen too. Container authentication (HTTP Basic, Jakarta Security) is already bound by the servlet
 * filter; binding again is harmless. Registered by {@link JaxRsFeature}.
 */
public final class AuthenticatedUserFilter implements ContainerRequestFilter {

    static final int PRIORITY = Priorities.AUTHENTICATION + 100;

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        Principal user = security == null ? null : security.getUserPrincipal();
        if (user != null) {
            LogContext.bind(RequestContextFields.USER_ID, user.getName());
        }
    }
}
