package dev.observe.ee.internal.web;

import dev.observe.ee.Observe;
import dev.observe.ee.internal.semconv.SemanticAttributes;
import dev.observe.ee.internal.tracing.ResourceExceptionInterceptor;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Completes the SERVER span the runtime started for a JAX-RS request (it never starts a second one): names it
 * {@code METHOD route} after the matched resource method's path template ({@code GET /api/orders/{id}}), sets
 * {@code http.route} to the same template (Payara's lacks its slashes, Liberty's is the concrete path), records
 * the request id as {@code http.request.header.x-request-id}, and marks a 5xx response as an error (a 4xx is the
 * client's, not an error of a server span, per the HTTP semantic conventions).
 *
 * <p>Runs after matching (the route is known) and before the application's own filters.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 400)
public final class ServerSpanFilter implements ContainerRequestFilter, ContainerResponseFilter {


    /** The request attribute holding the runtime's SERVER span, for the servlet filter to record exceptions on. */
    static final String SPAN_ATTRIBUTE = ResourceExceptionInterceptor.SERVER_SPAN_ATTRIBUTE;

    private static final Map<Method, String> ROUTES = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Span span = Span.current();
        if (!span.isRecording()) {
            return;
        }
        if (servletRequest != null) {
            servletRequest.setAttribute(SPAN_ATTRIBUTE, span);
        }
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null) {
            String route = ROUTES.computeIfAbsent(method, matched -> RouteTemplates.route(
                    servletRequest == null ? "" : servletRequest.getContextPath(),
                    servletRequest == null ? "" : servletRequest.getServletPath(),
                    resource.getResourceClass(), matched));
            span.updateName(request.getMethod() + " " + route);
            span.setAttribute(SemanticAttributes.HTTP_ROUTE, route);
        }
        Object requestId = servletRequest == null ? null
                : servletRequest.getAttribute(Observe.REQUEST_ID_ATTRIBUTE);
        if (requestId instanceof String id) {
            span.setAttribute(SemanticAttributes.HTTP_REQUEST_HEADER_REQUEST_ID, List.of(id));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Span span = Span.current();
        if (span.isRecording() && response.getStatus() >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
    }
}
