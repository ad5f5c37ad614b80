package dev.observe.ee.internal.web;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;

/**
 * Tells the request's {@link ServerRequest} what JAX-RS knows: the matched resource method and the resources matched
 * on the way to it (the SERVER span is named after the full route template, sub-resource locators included, and gets
 * {@code http.route}) and the response status (5xx is an error of the span, a 4xx
 * is not). The runtime's span is still open at both points; it never starts a second one.
 *
 * <p>Runs after matching (the route is known) and before the application's own filters. A JAX-RS provider found by
 * scanning {@code WEB-INF/lib}, hence public.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 400)
public final class ServerSpanFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        ServerRequest exchange = ServerRequest.of(servletRequest);
        if (exchange != null) {
            exchange.routeMatched(request.getMethod(), resource == null ? null : resource.getResourceClass(),
                    resource == null ? null : resource.getResourceMethod(), uriInfo(request));
        }
    }

    /** What JAX-RS matched (the resources a sub-resource locator chain went through), or null if unavailable. */
    private static UriInfo uriInfo(ContainerRequestContext request) {
        try {
            return request.getUriInfo();
        } catch (RuntimeException e) {
            // Never into the request: the route is then the resource class's and method's alone.
            return null;
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        ServerRequest exchange = ServerRequest.of(servletRequest);
        if (exchange != null) {
            exchange.responded(response.getStatus());
        }
    }
}
