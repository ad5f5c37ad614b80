package dev.observe.ee.internal.web;

import dev.observe.ee.internal.semconv.SemanticAttributes;
import dev.observe.ee.Observe;
import dev.observe.ee.logging.LogContext;
import dev.observe.ee.internal.telemetry.RequestIdPropagator;
import dev.observe.ee.internal.tracing.ResourceExceptionInterceptor;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

/**
 * The guide's request middleware, for every request the application serves (JAX-RS or not): decides the request
 * id, returns it in {@code X-Request-ID}, and binds {@code request_id}, {@code method}, {@code path} and, when the
 * caller is authenticated, {@code user_id} to the thread's {@link LogContext} for the whole request, and puts the
 * id in the OpenTelemetry context for outgoing calls ({@link RequestIdPropagator}). Both are restored in
 * {@code finally}, so they are cleared on every exit path, an exception no mapper handles included.
 *
 * <p>Where no runtime instrumentation starts the request's SERVER span (no MicroProfile Telemetry, or a plain
 * servlet on a runtime that traces only JAX-RS), the filter starts it, through {@link ServletServerSpans}.
 *
 * <p>Registered for {@code /*} by {@link ObserveServletInitializer}.
 */
public final class RequestContextServletFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;


    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String requestId = RequestIds.acceptOrGenerate(request.getHeader(Observe.REQUEST_ID_HEADER));
        request.setAttribute(Observe.REQUEST_ID_ATTRIBUTE, requestId);
        // Set now: an exception no mapper handles skips every later chance to set it.
        response.setHeader(Observe.REQUEST_ID_HEADER, requestId);
        Context context = Context.current();
        Span ownSpan = null;
        try {
            if (ServletServerSpans.needsOwnSpan(request, context)) {
                context = ServletServerSpans.start(request, context);
                ownSpan = Span.fromContext(context);
                ownSpan.setAttribute(SemanticAttributes.HTTP_REQUEST_HEADER_REQUEST_ID, List.of(requestId));
            }
        } catch (RuntimeException e) {
            // Telemetry must never fail a request: served without a span of the library's.
            context = Context.current();
            ownSpan = null;
        }
        boolean failed = false;
        // The id also rides in the OpenTelemetry context, for the propagator that sends it on outgoing calls.
        context = context.with(RequestIdPropagator.REQUEST_ID, requestId);
        try (Scope otel = context.makeCurrent();
                LogContext.Scope log = LogContext.scope(RequestContextFields.REQUEST_ID, requestId,
                        RequestContextFields.METHOD, request.getMethod(), RequestContextFields.PATH,
                        request.getRequestURI())) {
            Principal user = request.getUserPrincipal();
            if (user != null) {
                LogContext.bind(RequestContextFields.USER_ID, user.getName());
            }
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            // An exception nothing handled: recorded on the request's SERVER span, the library's own or, if it is
            // still open, the one the runtime started for JAX-RS.
            failed = true;
            ServletServerSpans.recordUnhandled(ownSpan != null ? ownSpan : runtimeServerSpan(request), e,
                    request.getAttribute(ResourceExceptionInterceptor.RECORDED_ATTRIBUTE));
            throw e;
        } finally {
            if (ownSpan != null) {
                ServletServerSpans.endWhenComplete(ownSpan, request, response, failed);
            }
        }
    }

    private static Span runtimeServerSpan(HttpServletRequest request) {
        return request.getAttribute(ServerSpanFilter.SPAN_ATTRIBUTE) instanceof Span span ? span : Span.getInvalid();
    }
}
