package dev.observe.ee.internal.web;

import dev.observe.ee.internal.semconv.SemanticAttributes;
import dev.observe.ee.internal.telemetry.ExceptionEvents;
import dev.observe.ee.logging.LogContext;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;

import java.lang.reflect.Method;
import java.util.List;

/**
 * One HTTP request, from {@link ServerRequests#begin} to {@link #end}: its id, its bound context, and its SERVER
 * span (the library's own, or the runtime's once the JAX-RS route is matched). The one request attribute through
 * which the servlet filter, the JAX-RS filters and the resource-exception interceptor reach it; each of them is a
 * thin adapter that tells it one event:
 *
 * <ul>
 *   <li>{@link #routeMatched}: the JAX-RS resource method is known; the span is named {@code METHOD route} and gets
 *       {@code http.route} (the runtime's span is adopted here: it is the current span inside JAX-RS);
 *   <li>{@link #failed}: the application threw; its own exception (not a container's wrapper around it) is
 *       recorded on the span once, however many layers report it;
 *   <li>{@link #responded}: the JAX-RS response status, the last moment the runtime's span is still open;
 *   <li>{@link #end}: in the servlet filter's {@code finally}: an unhandled exception, the final status and the end
 *       of the library's own span (when the response completes, for an asynchronous request), and the context
 *       unbound on every path.
 * </ul>
 *
 * <p>Status, as the HTTP semantic conventions want it for a SERVER span: ERROR for a 5xx or an unhandled exception,
 * never for a 4xx (the client's error). None of these methods throws: the application's exception reaches the
 * container unchanged and telemetry never fails a request. Made on the request thread; the span's end may come on
 * the container's thread that completes an asynchronous request.
 */
final class ServerRequest {

    /** The request attribute holding the request's {@code ServerRequest}; read only in this package. */
    private static final String ATTRIBUTE = ServerRequest.class.getName();

    private final ServerRequests owner;
    private final HttpServletRequest request;
    private final String id;
    private final boolean ownSpan;

    /** The request's SERVER span: the library's own from the start, or the runtime's once adopted; else null. */
    private volatile Span span;

    /** The application's exception already on the span, so that no layer records it twice. */
    private volatile Throwable recorded;

    /** An asynchronous request failed: its exception, not the status, is the span's {@code error.type}. */
    private volatile boolean failedAsynchronously;

    /** Stands for the SERVER span in the request's context until the runtime's span is known; see there. */
    private final RequestSpan requestSpan = new RequestSpan();

    private Context before;
    private Scope traceScope;
    private LogContext.Scope logScope;

    ServerRequest(ServerRequests owner, HttpServletRequest request, String id, Span ownSpan) {
        this.owner = owner;
        this.request = request;
        this.id = id;
        this.ownSpan = ownSpan != null;
        if (ownSpan != null) {
            adopt(ownSpan);
        }
        request.setAttribute(ATTRIBUTE, this);
    }

    /** The request's {@code ServerRequest}, or null when the library's filters did not begin one. */
    static ServerRequest of(ServletRequest request) {
        return request != null && request.getAttribute(ATTRIBUTE) instanceof ServerRequest exchange ? exchange : null;
    }

    /**
     * The {@code ServerRequest} of a JAX-RS request, or null: in a servlet container a JAX-RS request's properties
     * are its servlet request's attributes ({@code ContainerRequestContext#getProperty}).
     */
    static ServerRequest of(ContainerRequestContext request) {
        return request.getProperty(ATTRIBUTE) instanceof ServerRequest exchange ? exchange : null;
    }

    /** The request id, as accepted or made. */
    String id() {
        return id;
    }

    /**
     * The context made current by {@link ServerRequests#begin} ({@code trace}, {@code log}) and the one the thread
     * had before ({@code previous}), which {@link #end} gives back.
     */
    void bind(Context previous, Scope trace, LogContext.Scope log) {
        this.before = previous;
        this.traceScope = trace;
        this.logScope = log;
    }

    /** The span that stands for the request's SERVER span in its context (see {@link RequestSpan}). */
    Span requestSpan() {
        return requestSpan;
    }

    /**
     * The JAX-RS runtime matched {@code resourceMethod}: the current span (the runtime's, or the library's own) is
     * named after the route template ({@code GET /shop/api/orders/{id}}) with {@code http.route} set to it.
     * Payara's own name lacks the template's slashes and Liberty's is the concrete path.
     */
    void routeMatched(String httpMethod, Class<?> resourceClass, Method resourceMethod, UriInfo uriInfo) {
        try {
            Span current = RequestSpan.unwrap(Span.current());
            if (!current.isRecording()) {
                return;
            }
            adoptIfNone(current);
            if (resourceMethod != null) {
                String route = owner.route(request, resourceClass, resourceMethod, uriInfo);
                current.updateName(ServerRequests.spanName(httpMethod, route));
                current.setAttribute(SemanticAttributes.HTTP_ROUTE, route);
            }
        } catch (RuntimeException e) {
            // Never into the request: the span keeps the runtime's name.
        }
    }

    /**
     * The application threw {@code thrown} (from a resource method, or out of the whole filter chain). Records the
     * application's own exception on the SERVER span once: not a container's wrapper around it, not again when an
     * outer layer reports the same exception or one caused by it. A {@code WebApplicationException} for a 4xx is the
     * application answering, not failing, and is not recorded. The status is left to the HTTP status.
     */
    void failed(Throwable thrown) {
        try {
            if (thrown == null || thrown instanceof WebApplicationException answer && answer.getResponse() != null
                    && answer.getResponse().getStatus() < 500) {
                return;
            }
            Span current = span;
            if (current == null || !current.isRecording()) {
                return;
            }
            Throwable cause = applicationException(thrown);
            if (!alreadyRecorded(cause)) {
                // Made now, not lazily by the SDK at export: an exception whose getMessage() fails cannot fail the
                // exporter later (issue 11 §10).
                ExceptionEvents.record(current, cause);
                recorded = cause;
            }
        } catch (RuntimeException | StackOverflowError e) {
            // Never into the request (a getCause() of the application's may fail too): the exception simply is
            // not on the span.
        }
    }

    /**
     * The JAX-RS response's status: sets the runtime's span's status while it is still open (the runtime ends it
     * before the servlet filter's {@code finally}). The library's own span gets its status at {@link #end}, from
     * the response as the container completes it.
     */
    void responded(int status) {
        if (!ownSpan) {
            // A request no resource matched (or that a filter refused) was never routed: its span is adopted here.
            Span current = RequestSpan.unwrap(Span.current());
            if (current.isRecording()) {
                adoptIfNone(current);
            }
            markStatus(status, true);
        }
    }

    /**
     * Ends the request on the thread that began it, in {@code finally}: records {@code unhandled} (an exception that
     * left the filter chain, or null) as a 500 that failed, ends the library's own span (now, or when an
     * asynchronous request completes), and restores the context the thread had before {@link ServerRequests#begin}.
     */
    void end(HttpServletResponse response, Throwable unhandled) {
        try {
            if (unhandled != null) {
                failed(unhandled);
                // After an exception nothing handled, the status is the 500 the container is about to send, not the
                // response's status so far; error.type is the exception's.
                Span current = span;
                if (current != null && current.isRecording()) {
                    current.setAttribute(SemanticAttributes.ERROR_TYPE,
                            applicationException(unhandled).getClass().getName());
                }
                markStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, false);
                if (ownSpan) {
                    span.end();
                }
            } else if (ownSpan) {
                endWhenComplete(response);
            }
        } catch (RuntimeException e) {
            // Never into the request; the context below is restored all the same.
        } finally {
            unbind();
        }
    }

    private void endWhenComplete(HttpServletResponse response) {
        if (!request.isAsyncStarted()) {
            markStatus(response.getStatus(), true);
            span.end();
            return;
        }
        request.getAsyncContext().addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                markStatus(response.getStatus(), !failedAsynchronously);
                span.end();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                failedAsynchronously(event.getThrowable());
            }

            @Override
            public void onError(AsyncEvent event) {
                failedAsynchronously(event.getThrowable());
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                event.getAsyncContext().addListener(this);
            }
        });
    }

    private void failedAsynchronously(Throwable thrown) {
        if (thrown != null) {
            failedAsynchronously = true;
            failed(thrown);
            span.setStatus(StatusCode.ERROR);
            span.setAttribute(SemanticAttributes.ERROR_TYPE, applicationException(thrown).getClass().getName());
        }
    }

    /**
     * The one place a SERVER span's status follows the HTTP status: ERROR for a 5xx, never for a 4xx. The library's
     * own span also gets {@code http.response.status_code} (the runtime sets its own) and, when no exception says
     * more, the status as {@code error.type}.
     */
    private void markStatus(int status, boolean statusIsTheErrorType) {
        Span current = span;
        if (current == null || !current.isRecording()) {
            return;
        }
        if (ownSpan) {
            current.setAttribute(SemanticAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
        }
        if (status >= 500) {
            current.setStatus(StatusCode.ERROR);
            if (ownSpan && statusIsTheErrorType) {
                current.setAttribute(SemanticAttributes.ERROR_TYPE, Integer.toString(status));
            }
        }
    }

    private void adoptIfNone(Span current) {
        if (span == null) {
            adopt(current);
        }
    }

    /** The request's SERVER span from now on, with the request id on it as the HTTP conventions record a header. */
    private void adopt(Span serverSpan) {
        span = serverSpan;
        requestSpan.adopt(serverSpan);
        serverSpan.setAttribute(SemanticAttributes.HTTP_REQUEST_HEADER_REQUEST_ID, List.of(id));
    }

    private boolean alreadyRecorded(Throwable cause) {
        Throwable done = recorded;
        Throwable t = cause;
        for (int depth = 0; done != null && t != null && depth < 8; depth++, t = t.getCause()) {
            if (t == done) {
                return true;
            }
        }
        return false;
    }

    private void unbind() {
        // Reverse order of begin: each scope restores exactly what the thread had.
        if (logScope != null) {
            logScope.close();
        }
        if (traceScope != null) {
            traceScope.close();
            if (Context.current() != before) {
                // Something made a context current inside this request and never closed its scope (Payara Micro's
                // JAX-RS listener after an asynchronous resume: see ServerRequests.startingContext), so OpenTelemetry
                // ignored the close above. The thread gets back what it had all the same; the new scope is
                // deliberately left open, it is the thread's state from now on. Sentry's OpenTelemetry storage cleans
                // up the same way (getsentry/sentry-java#3517); OpenTelemetry's own instrumentations close the scope
                // on the thread that opened it however the span ends (opentelemetry-java-instrumentation#19925).
                before.makeCurrent();
            }
        }
    }

    /** The application's own exception inside the container's wrappers around it (at most 8 deep). */
    static Throwable applicationException(Throwable thrown) {
        Throwable cause = thrown;
        for (int depth = 0; depth < 8 && isContainerWrapper(cause) && wrapped(cause) != null; depth++) {
            cause = wrapped(cause);
        }
        return cause;
    }

    private static boolean isContainerWrapper(Throwable thrown) {
        if (thrown instanceof ServletException) {
            return true;
        }
        String name = thrown.getClass().getName();
        // Jersey's and RESTEasy's wrappers for an exception no ExceptionMapper handled.
        return name.equals("org.glassfish.jersey.server.ContainerException")
                || name.equals("org.jboss.resteasy.spi.UnhandledException");
    }

    private static Throwable wrapped(Throwable thrown) {
        if (thrown instanceof ServletException servlet && servlet.getRootCause() != null) {
            return servlet.getRootCause();
        }
        return thrown.getCause();
    }
}
