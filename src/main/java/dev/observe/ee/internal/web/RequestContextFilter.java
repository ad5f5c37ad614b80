package dev.observe.ee.internal.web;

import dev.observe.ee.Observe;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;

/**
 * Tells the request's {@link ServerRequest} the JAX-RS response status ({@link ServerRequest#responded}, the last
 * moment the runtime's SERVER span is open) and returns the request id in the JAX-RS response's
 * {@code X-Request-ID} header: the servlet filter set it on the servlet response already, but that header does not
 * survive every runtime's JAX-RS response handling (a response an {@code ExceptionMapper} built may replace what the
 * servlet response held), so it is set again here (replacing, never duplicating, the early one).
 *
 * <p>The request is found through the JAX-RS request's properties, which in a servlet container are the servlet
 * request's attributes (the {@code ContainerRequestContext#getProperty} contract), not through an injected
 * {@code @Context HttpServletRequest}: the runtimes inject a proxy that looks the request up on every call, which
 * cost Payara Micro about 8 µs of CPU per request (issue 12, docs/performance.md).
 *
 * <p>Where the servlet filter did not run (an application that excludes the library's container initializer), it
 * begins the request itself, context only ({@link ServerRequests#beginWithoutSpan}), and ends it in the response
 * filter: best effort, since an exception no mapper handles skips JAX-RS response filters. Only then are the
 * injected servlet request and response used.
 *
 * <p>Registered by {@link JaxRsFeature} (hence public, with a public constructor: the runtime creates and injects
 * it). It runs before resource matching and before authentication, so that even a request that ends in 404 or 401
 * carries its id.
 */
@PreMatching
public final class RequestContextFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** Before {@link Priorities#AUTHENTICATION}: the id must exist before anything can reject the request. */
    static final int PRIORITY = Priorities.AUTHENTICATION - 500;

    /** The JAX-RS property marking a request this filter began, and so ends. */
    private static final String BEGUN_HERE = RequestContextFilter.class.getName() + ".begunHere";

    /** Only for applications whose servlet filter never runs; one per application, as this provider is. */
    private final ServerRequests withoutServletFilter = new ServerRequests();

    @Context
    HttpServletRequest servletRequest;

    @Context
    HttpServletResponse servletResponse;

    @Override
    public void filter(ContainerRequestContext request) {
        if (ServerRequest.of(request) == null && servletRequest != null) {
            request.setProperty(BEGUN_HERE, withoutServletFilter.beginWithoutSpan(servletRequest, servletResponse));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        ServerRequest exchange = ServerRequest.of(request);
        // A request refused before any filter of ours began it still gets an id, so that the caller always has
        // something to quote.
        response.getHeaders().putSingle(Observe.REQUEST_ID_HEADER,
                exchange != null ? exchange.id() : RequestIds.generate());
        if (exchange != null) {
            exchange.responded(response.getStatus());
        }
        if (request.getProperty(BEGUN_HERE) instanceof ServerRequest begunHere) {
            begunHere.end(servletResponse, null);
        }
    }
}
