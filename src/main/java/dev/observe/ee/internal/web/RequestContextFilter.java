package dev.observe.ee.internal.web;

import dev.observe.ee.Observe;
import dev.observe.ee.logging.LogContext;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives every JAX-RS request a request id and returns it in the response's {@code X-Request-ID} header:
 * the caller's when it is well formed (see {@link RequestIds}), otherwise a new UUID.
 *
 * <p>Normally {@link RequestContextServletFilter} has already decided the id and bound the request's log context;
 * this filter takes that id over. Where the servlet filter did not run (an application that excludes the
 * library's container initializer), it decides the id and binds the context itself, and unbinds it in the response
 * filter.
 *
 * <p>Discovered by the JAX-RS runtime because the library jar sits in {@code WEB-INF/lib}. It runs before
 * resource matching and before authentication, so that even a request that ends in 404 or 401 carries its id.
 */
@Provider
@PreMatching
@Priority(RequestContextFilter.PRIORITY)
public final class RequestContextFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** Before {@link Priorities#AUTHENTICATION}: the id must exist before anything can reject the request. */
    static final int PRIORITY = Priorities.AUTHENTICATION - 500;

    private static final String REQUEST_ID_PROPERTY = RequestContextFilter.class.getName() + ".requestId";
    private static final String OWN_CONTEXT_PROPERTY = RequestContextFilter.class.getName() + ".context";

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Object fromServlet = servletRequest == null ? null
                : servletRequest.getAttribute(Observe.REQUEST_ID_ATTRIBUTE);
        if (fromServlet instanceof String requestId) {
            request.setProperty(REQUEST_ID_PROPERTY, requestId);
            return;
        }
        String requestId = RequestIds.acceptOrGenerate(request.getHeaderString(Observe.REQUEST_ID_HEADER));
        request.setProperty(REQUEST_ID_PROPERTY, requestId);
        request.setProperty(OWN_CONTEXT_PROPERTY, LogContext.scope(RequestContextFields.REQUEST_ID, requestId,
                RequestContextFields.METHOD, request.getMethod(),
                RequestContextFields.PATH, request.getUriInfo().getRequestUri().getRawPath()));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object requestId = request.getProperty(REQUEST_ID_PROPERTY);
        // A request refused before our request filter ran (another pre-matching filter aborted it) still gets an
        // id, so that the caller always has something to quote.
        response.getHeaders().putSingle(Observe.REQUEST_ID_HEADER, requestId != null ? requestId : RequestIds.generate());
        if (request.getProperty(OWN_CONTEXT_PROPERTY) instanceof LogContext.Scope scope) {
            scope.close();
        }
    }
}
