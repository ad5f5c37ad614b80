package dev.observe.ee.internal.web;

import dev.observe.ee.internal.semconv.SemanticAttributes;
import dev.observe.ee.internal.telemetry.DeployedApplication;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SERVER spans the library creates itself, for requests no runtime instrumentation covers: every request on
 * a runtime without MicroProfile Telemetry, and plain servlet requests on one that traces only JAX-RS (Payara
 * Micro). Conforms to the HTTP semantic conventions: named {@code SemanticAttributes.HTTP_REQUEST_METHOD route} (or {@code SemanticAttributes.HTTP_REQUEST_METHOD} where there is
 * no route), the stable {@code http.*}/{@code url.*} attributes, W3C {@code traceparent}/{@code tracestate} and
 * {@code baggage} extracted with the application's propagators, 5xx (or an exception) as ERROR.
 */
final class ServletServerSpans {



    /** The servlets that serve JAX-RS on the supported runtimes (Jersey on Payara, RESTEasy on Liberty). */
    private static final Set<String> JAX_RS_SERVLETS = Set.of("org.glassfish.jersey.servlet.ServletContainer",
            "com.ibm.websphere.jaxrs.server.IBMRestServlet", "org.jboss.resteasy.plugins.server.servlet"
                    + ".HttpServletDispatcher");

    private static final String LIBERTY_TELEMETRY_PACKAGE = "io.openliberty.microprofile.telemetry";

    private static volatile Boolean runtimeTracesServlets;

    private static final Map<String, Boolean> JAX_RS_BY_SERVLET = new ConcurrentHashMap<>();

    private static final TextMapGetter<HttpServletRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServletRequest request) {
            return Collections.list(request.getHeaderNames());
        }

        @Override
        public String get(HttpServletRequest request, String key) {
            return request == null ? null : request.getHeader(key);
        }
    };

    private ServletServerSpans() {
    }

    /**
     * Whether this request needs a SERVER span from the library: none is current yet, and no runtime
     * instrumentation will start one later (the runtime's JAX-RS instrumentation does, for the JAX-RS servlet).
     */
    static boolean needsOwnSpan(HttpServletRequest request, Context current) {
        if (Span.fromContext(current).getSpanContext().isValid()) {
            return false;
        }
        if (!DeployedApplication.runtimeProvided()) {
            return true;
        }
        return !runtimeTracesServlets(request) && !servedByJaxRs(request);
    }

    /**
     * Whether the runtime traces every servlet request itself (Open Liberty's MicroProfile Telemetry 2.0 does,
     * with a servlet filter of its own that runs inside the library's), decided once per application from the
     * filters registered with it.
     */
    private static boolean runtimeTracesServlets(HttpServletRequest request) {
        Boolean traces = runtimeTracesServlets;
        if (traces == null) {
            traces = false;
            for (FilterRegistration filter : request.getServletContext().getFilterRegistrations().values()) {
                String className = filter.getClassName();
                if (className != null && className.startsWith(LIBERTY_TELEMETRY_PACKAGE)) {
                    traces = true;
                }
            }
            runtimeTracesServlets = traces;
        }
        return traces;
    }

    /** Starts the request's SERVER span as a child of the caller's extracted context; not yet current. */
    static Context start(HttpServletRequest request, Context current) {
        OpenTelemetry otel = DeployedApplication.current().openTelemetry();
        Context parent = otel.getPropagators().getTextMapPropagator().extract(current, request, HEADERS);
        String route = route(request);
        String method = request.getMethod();
        SpanBuilder builder = otel.getTracer(SemanticAttributes.INSTRUMENTATION_SCOPE)
                .spanBuilder(route == null ? method : method + " " + route)
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                // Set before the span starts, so that samplers (the excluded paths' among them) see them.
                .setAttribute(SemanticAttributes.HTTP_REQUEST_METHOD, method)
                .setAttribute(SemanticAttributes.URL_PATH, request.getRequestURI())
                .setAttribute(SemanticAttributes.URL_SCHEME, request.getScheme())
                .setAttribute(SemanticAttributes.SERVER_ADDRESS, request.getServerName())
                .setAttribute(SemanticAttributes.SERVER_PORT, (long) request.getServerPort());
        if (route != null) {
            builder.setAttribute(SemanticAttributes.HTTP_ROUTE, route);
        }
        String query = request.getQueryString();
        if (query != null) {
            builder.setAttribute(SemanticAttributes.URL_QUERY, query);
        }
        String client = request.getRemoteAddr();
        if (client != null) {
            builder.setAttribute(SemanticAttributes.CLIENT_ADDRESS, client);
        }
        String agent = request.getHeader("User-Agent");
        if (agent != null) {
            builder.setAttribute(SemanticAttributes.USER_AGENT_ORIGINAL, agent);
        }
        return builder.startSpan().storeInContext(parent);
    }

    /**
     * Ends the span when the response is complete: now, or when an asynchronous request completes. After an
     * exception nothing handled, the status is the 500 the container is about to send, not the response's
     * status so far.
     */
    static void endWhenComplete(Span span, HttpServletRequest request, HttpServletResponse response,
            boolean failed) {
        if (failed) {
            // error.type is the exception's, set when it was recorded.
            end(span, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, false);
        } else if (request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                    end(span, response.getStatus(), true);
                }

                @Override
                public void onTimeout(AsyncEvent event) {
                    recordUnhandled(span, event.getThrowable(), null);
                }

                @Override
                public void onError(AsyncEvent event) {
                    recordUnhandled(span, event.getThrowable(), null);
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                    event.getAsyncContext().addListener(this);
                }
            });
        } else {
            end(span, response.getStatus(), true);
        }
    }

    private static void end(Span span, int status, boolean statusIsTheErrorType) {
        span.setAttribute(SemanticAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
        if (status >= 500) {
            span.setStatus(StatusCode.ERROR);
            if (statusIsTheErrorType) {
                span.setAttribute(SemanticAttributes.ERROR_TYPE, Integer.toString(status));
            }
        }
        span.end();
    }

    /**
     * Records an exception that left the application unhandled on the request's SERVER span, as the
     * application's own exception rather than the container's wrapper around it.
     */
    static void recordUnhandled(Span span, Throwable thrown, Object alreadyRecorded) {
        if (thrown == null || !span.isRecording()) {
            return;
        }
        Throwable cause = applicationException(thrown);
        if (cause != alreadyRecorded) {
            span.recordException(cause);
        }
        span.setStatus(StatusCode.ERROR);
        span.setAttribute(SemanticAttributes.ERROR_TYPE, cause.getClass().getName());
    }

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

    /** {@code http.route} for a servlet request: the servlet mapping's pattern, context root included. */
    private static String route(HttpServletRequest request) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        if (mapping == null || mapping.getMappingMatch() == null) {
            return null;
        }
        MappingMatch match = mapping.getMappingMatch();
        if (match == MappingMatch.DEFAULT) {
            // The default servlet answers anything: there is no route.
            return null;
        }
        String pattern = mapping.getPattern();
        return pattern == null || pattern.isEmpty() ? null : request.getContextPath() + pattern;
    }

    private static boolean servedByJaxRs(HttpServletRequest request) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        String servlet = mapping == null ? null : mapping.getServletName();
        if (servlet == null) {
            return false;
        }
        return JAX_RS_BY_SERVLET.computeIfAbsent(servlet, name -> {
            ServletRegistration registration = request.getServletContext().getServletRegistration(name);
            String className = registration == null ? null : registration.getClassName();
            return className != null && JAX_RS_SERVLETS.contains(className);
        });
    }
}
