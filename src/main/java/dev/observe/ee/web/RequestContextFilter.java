package dev.observe.ee.web;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives every JAX-RS request a request id: the caller's {@value #REQUEST_ID_HEADER} when it is well formed (see
 * {@link RequestIds}), otherwise a new UUID. The id is returned in the response's {@value #REQUEST_ID_HEADER}
 * header so that a caller can quote it.
 *
 * <p>Discovered by the JAX-RS runtime because the library jar sits in {@code WEB-INF/lib}. It runs before
 * resource matching and before authentication, so that even a request that ends in 404 or 401 carries its id.
 */
@Provider
@PreMatching
@Priority(RequestContextFilter.PRIORITY)
public final class RequestContextFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The header that carries the request id in and out, as the guide and most proxies name it. */
    public static final String REQUEST_ID_HEADER = "X-Request-ID";

    /** Before {@link Priorities#AUTHENTICATION}: the id must exist before anything can reject the request. */
    static final int PRIORITY = Priorities.AUTHENTICATION - 500;

    private static final String REQUEST_ID_PROPERTY = RequestContextFilter.class.getName() + ".requestId";

    @Context
    HttpServletResponse servletResponse;

    @Override
    public void filter(ContainerRequestContext request) {
        String requestId = RequestIds.acceptOrGenerate(request.getHeaderString(REQUEST_ID_HEADER));
        request.setProperty(REQUEST_ID_PROPERTY, requestId);
        // Also on the servlet response, now: an exception no mapper handles skips the response filters below,
        // and the container's 500 must carry the id too.
        if (servletResponse != null) {
            servletResponse.setHeader(REQUEST_ID_HEADER, requestId);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object requestId = request.getProperty(REQUEST_ID_PROPERTY);
        // A request refused before our request filter ran (rare: another pre-matching filter aborted it) still
        // gets an id, so that the caller always has something to quote.
        response.getHeaders().putSingle(REQUEST_ID_HEADER,
                requestId != null ? requestId : RequestIds.generate());
    }
}
