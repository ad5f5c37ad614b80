package dev.observe.ee.internal.web;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.UriInfo;

import java.lang.reflect.Method;

/**
 * Tells the request's {@link ServerRequest} which resource method JAX-RS matched, and the resources matched on the
 * way to it: the SERVER span is named after the full route template, sub-resource locators included, and gets
 * {@code http.route}. The runtime's span is still open here; it never starts a second one.
 *
 * <p>One instance per resource method, made by {@link ResourceMethodFeature} when the runtime builds the
 * application's model, holding the method it was made for: nothing is looked up per request (the runtime's
 * {@code @Context ResourceInfo} is a proxy that resolves the request's on every call). Runs after matching (the
 * route is known) and before the application's own filters.
 */
public final class ServerSpanFilter implements ContainerRequestFilter {

    /** Before authentication, so that a request the application's filters refuse is named after its route too. */
    static final int PRIORITY = Priorities.AUTHENTICATION - 400;

    private final Class<?> resourceClass;
    private final Method resourceMethod;

    ServerSpanFilter(Class<?> resourceClass, Method resourceMethod) {
        this.resourceClass = resourceClass;
        this.resourceMethod = resourceMethod;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        ServerRequest exchange = ServerRequest.of(request);
        if (exchange != null) {
            exchange.routeMatched(request.getMethod(), resourceClass, resourceMethod, uriInfo(request));
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
}
