package dev.observe.ee.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.Observe;
import dev.observe.ee.internal.semconv.SemanticAttributes;
import dev.observe.ee.internal.telemetry.RequestIdPropagator;
import dev.observe.ee.logging.LogContext;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The request's owner through the servlet filter, its adapter: the id, the context bound during the request and
 * cleared after it on every path, the SERVER span (the library's own, or the runtime's), its name and route, the
 * application's exception recorded once, and its status.
 */
class ServerRequestTest {

    @RegisterExtension
    static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final WebFakes.Request request = new WebFakes.Request();
    private final WebFakes.Response response = new WebFakes.Response();
    private final ServerRequests requests = new ServerRequests(otel::getOpenTelemetry, false);
    private final Map<String, Object> seen = new HashMap<>();

    @Path("orders")
    static class Orders {
        @Path("{id}")
        public String order() {
            return "order";
        }
    }

    @AfterEach
    void nothingLeftOnTheThread() {
        assertEquals(Map.of(), LogContext.current(), "log context cleared");
        assertSame(Context.root(), Context.current(), "OpenTelemetry context restored");
    }

    @Test
    void aWellFormedIncomingIdIsTakenOverEverywhereItIsNeeded() throws Exception {
        request.header(Observe.REQUEST_ID_HEADER, "order-7f3a");
        serve(this::look);

        assertEquals("order-7f3a", request.attributes.get(Observe.REQUEST_ID_ATTRIBUTE));
        assertEquals("order-7f3a", response.headers.get(Observe.REQUEST_ID_HEADER));
        assertEquals("order-7f3a", seen.get("log.request_id"));
        assertEquals("order-7f3a", seen.get("otel.request_id"));
        assertEquals("GET", seen.get("log.method"));
        assertEquals("/shop/api/orders/42", seen.get("log.path"));
    }

    @Test
    void aMalformedIdIsReplacedAndNeverEchoed() throws Exception {
        request.header(Observe.REQUEST_ID_HEADER, "two words\r\nX-Injected: 1");
        serve(this::look);

        String id = response.headers.get(Observe.REQUEST_ID_HEADER);
        assertEquals(id, UUID.fromString(id).toString());
        assertEquals(id, request.attributes.get(Observe.REQUEST_ID_ATTRIBUTE));
        assertEquals(id, seen.get("log.request_id"));
    }

    @Test
    void anAuthenticatedCallerIsBound() throws Exception {
        request.user = () -> "alice";
        serve(this::look);
        assertEquals("alice", seen.get("log.user_id"));
    }

    @Test
    void theApplicationsExceptionReachesTheContainerUnchangedAndTheContextIsCleared() {
        IllegalStateException thrown = new IllegalStateException("out of stock");
        assertSame(thrown, assertThrows(IllegalStateException.class, () -> serve(() -> {
            throw thrown;
        })));
        ServletException checked = new ServletException("checked");
        assertSame(checked, assertThrows(ServletException.class, () -> serve(() -> {
            throw checked;
        })));
        StackOverflowError error = new StackOverflowError();
        assertSame(error, assertThrows(StackOverflowError.class, () -> serve(() -> {
            throw error;
        })));
        // nothingLeftOnTheThread checks the context after each of them
    }

    @Test
    void withoutARuntimeSpanTheLibraryMakesOneContinuingTheCallersTrace() throws Exception {
        request.header("traceparent", TRACEPARENT).header(Observe.REQUEST_ID_HEADER, "own-1");
        serve(() -> seen.put("current", Span.current()));

        SpanData span = onlySpan();
        assertEquals(SpanKind.SERVER, span.getKind());
        assertEquals("GET /shop/api/*", span.getName());
        assertEquals("/shop/api/*", span.getAttributes().get(SemanticAttributes.HTTP_ROUTE));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", span.getTraceId());
        assertEquals("00f067aa0ba902b7", span.getParentSpanId());
        assertEquals(List.of("own-1"), span.getAttributes().get(SemanticAttributes.HTTP_REQUEST_HEADER_REQUEST_ID));
        assertEquals(200L, span.getAttributes().get(SemanticAttributes.HTTP_RESPONSE_STATUS_CODE));
        assertEquals("/shop/api/orders/42", span.getAttributes().get(SemanticAttributes.URL_PATH));
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
        assertEquals(span.getSpanId(), ((Span) seen.get("current")).getSpanContext().getSpanId(),
                "current during the request");
    }

    @Test
    void theLibrarysSpanIsAnErrorFor5xxOnly() throws Exception {
        response.status = 503;
        serve(() -> { });
        SpanData failed = onlySpan();
        assertEquals(StatusCode.ERROR, failed.getStatus().getStatusCode());
        assertEquals("503", failed.getAttributes().get(SemanticAttributes.ERROR_TYPE));
        assertEquals(503L, failed.getAttributes().get(SemanticAttributes.HTTP_RESPONSE_STATUS_CODE));

        otel.clearSpans();
        response.status = 404;
        serve(() -> { });
        SpanData clientError = onlySpan();
        assertEquals(StatusCode.UNSET, clientError.getStatus().getStatusCode());
        assertNull(clientError.getAttributes().get(SemanticAttributes.ERROR_TYPE));
    }

    @Test
    void anUnhandledExceptionIsRecordedOnceAsTheApplicationsOwn() {
        IllegalStateException application = new IllegalStateException("out of stock");
        assertThrows(ServletException.class, () -> serve(() -> {
            // the resource-exception interceptor reports it first, then the container wraps it
            ServerRequest.of(request.attributes.isEmpty() ? null : servletRequest()).failed(application);
            throw new ServletException(new ServletException("wrapped twice", application));
        }));

        SpanData span = onlySpan();
        assertEquals(List.of(IllegalStateException.class.getName()), exceptionTypes(span));
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals(IllegalStateException.class.getName(), span.getAttributes().get(SemanticAttributes.ERROR_TYPE));
        assertEquals(500L, span.getAttributes().get(SemanticAttributes.HTTP_RESPONSE_STATUS_CODE));
    }

    @Test
    void aMappedExceptionIsRecordedButTheStatusDecidesTheError() throws Exception {
        response.status = 409;
        serve(() -> ServerRequest.of(servletRequest()).failed(new IllegalArgumentException("conflict")));
        SpanData span = onlySpan();
        assertEquals(List.of(IllegalArgumentException.class.getName()), exceptionTypes(span));
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
    }

    @Test
    void theRuntimesSpanIsAdoptedNamedAfterTheRouteAndMarkedByTheJaxRsStatus() throws Exception {
        Span runtime = otel.getOpenTelemetry().getTracer("runtime").spanBuilder("GET /shopapiorders{id}")
                .setSpanKind(SpanKind.SERVER).startSpan();
        request.header(Observe.REQUEST_ID_HEADER, "runtime-1");
        serveWithRuntimeSpan(runtime, () -> {
            ServerRequest exchange = ServerRequest.of(servletRequest());
            exchange.routeMatched("GET", Orders.class, Orders.class.getMethod("order"), null);
            exchange.failed(new IllegalStateException("mapped to 500"));
            exchange.responded(500);
        });

        SpanData span = onlySpan();
        assertEquals("GET /shop/api/orders/{id}", span.getName());
        assertEquals("/shop/api/orders/{id}", span.getAttributes().get(SemanticAttributes.HTTP_ROUTE));
        assertEquals(List.of("runtime-1"), span.getAttributes().get(SemanticAttributes.HTTP_REQUEST_HEADER_REQUEST_ID));
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals(List.of(IllegalStateException.class.getName()), exceptionTypes(span));
        assertNull(span.getAttributes().get(SemanticAttributes.HTTP_RESPONSE_STATUS_CODE), "the runtime's to set");
    }

    @Test
    void aClientErrorLeavesTheRuntimesSpanUnset() throws Exception {
        Span runtime = otel.getOpenTelemetry().getTracer("runtime").spanBuilder("GET").startSpan();
        serveWithRuntimeSpan(runtime, () -> {
            ServerRequest exchange = ServerRequest.of(servletRequest());
            exchange.routeMatched("GET", Orders.class, Orders.class.getMethod("order"), null);
            exchange.responded(404);
        });
        assertEquals(StatusCode.UNSET, onlySpan().getStatus().getStatusCode());
    }

    @Test
    void aRequestNoResourceMatchedStillMarksTheRuntimesSpanBy5xx() throws Exception {
        Span runtime = otel.getOpenTelemetry().getTracer("runtime").spanBuilder("GET").startSpan();
        serveWithRuntimeSpan(runtime, () -> ServerRequest.of(servletRequest()).responded(503));
        assertEquals(StatusCode.ERROR, onlySpan().getStatus().getStatusCode());
    }

    @Test
    void theLibrarysOwnSpanIsRenamedAfterTheRouteToo() throws Exception {
        serve(() -> ServerRequest.of(servletRequest()).routeMatched("GET", Orders.class,
                Orders.class.getMethod("order"), null));
        assertEquals("GET /shop/api/orders/{id}", onlySpan().getName());
    }

    @Test
    void anAsynchronousRequestsSpanEndsWhenItCompletes() throws Exception {
        request.asyncStarted = true;
        serve(() -> { });
        assertEquals(List.of(), otel.getSpans(), "not ended when the filter returns");
        assertEquals(1, request.asyncListeners.size());

        response.status = 500;
        jakarta.servlet.AsyncContext async = WebFakes.fake(jakarta.servlet.AsyncContext.class, (name, args) -> null);
        request.asyncListeners.get(0).onError(new AsyncEvent(async, new IOException("client gone")));
        request.asyncListeners.get(0).onComplete(new AsyncEvent(async));
        SpanData span = onlySpan();
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals(List.of(IOException.class.getName()), exceptionTypes(span));
        assertEquals(IOException.class.getName(), span.getAttributes().get(SemanticAttributes.ERROR_TYPE));
    }

    @Test
    void whereTheRuntimeTracesTheJaxRsServletTheLibraryStartsNoSpan() throws Exception {
        ServerRequests withRuntime = new ServerRequests(otel::getOpenTelemetry, true);
        request.servletClasses.put("api", "org.glassfish.jersey.servlet.ServletContainer");
        serve(withRuntime, () -> { });
        assertEquals(List.of(), otel.getSpans());
    }

    @Test
    void wherePayaraLeavesAPlainServletUntracedTheLibraryTracesIt() throws Exception {
        ServerRequests withRuntime = new ServerRequests(otel::getOpenTelemetry, true);
        request.servletClasses.put("api", "com.example.ReportServlet");
        serve(withRuntime, () -> { });
        assertEquals("GET /shop/api/*", onlySpan().getName());
    }

    @Test
    void whereLibertyTracesEveryServletTheLibraryDefersOncePerApplication() throws Exception {
        ServerRequests withRuntime = new ServerRequests(otel::getOpenTelemetry, true);
        request.filterClasses.put("liberty", "io.openliberty.microprofile.telemetry.internal.common.rest.Filter");
        serve(withRuntime, () -> { });
        request.filterClasses.clear(); // decided from the first request: asked no more
        serve(withRuntime, () -> { });
        assertEquals(List.of(), otel.getSpans());
    }

    /** Issue 11 §3: what an earlier request left current on a pooled thread is not this request's start. */
    @Test
    void aSpanLeftCurrentOnTheThreadIsNotTheRequestsOwn() throws Exception {
        Span leaked = otel.getOpenTelemetry().getTracer("runtime").spanBuilder("earlier request").startSpan();
        leaked.end();
        try (Scope ignored = leaked.makeCurrent()) {
            serve(() -> seen.put("span", Span.current().getSpanContext()));
            assertSame(leaked, Span.current(), "the thread gets back what it had");
        }
        SpanData own = otel.getSpans().stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst()
                .orElseThrow(() -> new AssertionError("no SERVER span of the request's own: " + otel.getSpans()));
        assertNotEquals(leaked.getSpanContext().getTraceId(), own.getTraceId(), "a trace of its own");
        assertEquals(own.getSpanContext(), seen.get("span"), "current during the request");
    }

    /** The caller's traceparent is still continued from the clean start. */
    @Test
    void aSpanLeftCurrentDoesNotHideTheCallersTraceparent() throws Exception {
        Span leaked = otel.getOpenTelemetry().getTracer("runtime").spanBuilder("earlier request").startSpan();
        leaked.end();
        request.header("traceparent", TRACEPARENT);
        try (Scope ignored = leaked.makeCurrent()) {
            serve(() -> { });
        }
        SpanData own = otel.getSpans().stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst()
                .orElseThrow();
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", own.getTraceId());
        assertEquals("00f067aa0ba902b7", own.getParentSpanId());
    }

    /**
     * Issue 11 §3: a scope opened inside the request and never closed (Payara's JAX-RS listener after an
     * asynchronous resume) is not left on the thread: {@link #nothingLeftOnTheThread} checks the root is back.
     */
    @Test
    void aScopeLeftOpenInsideTheRequestIsNotLeftOnTheThread() throws Exception {
        Span runtime = otel.getOpenTelemetry().getTracer("runtime").spanBuilder("GET").startSpan();
        request.servletClasses.put("api", "org.glassfish.jersey.servlet.ServletContainer");
        serve(new ServerRequests(otel::getOpenTelemetry, true), () -> {
            runtime.makeCurrent(); // never closed, as Payara's listener leaves it
            runtime.end();
        });
    }

    /**
     * Issue 11 §4: after the runtime restores the context it found (Payara does so when the resource method
     * returns, before exception mappers run), the request's context still names the runtime's span, so that the
     * mapper's lines carry its ids; a span started inside is still the child's.
     */
    @Test
    void afterTheRuntimeClosesItsScopeTheRequestsContextStillNamesItsSpan() throws Exception {
        Span runtime = otel.getOpenTelemetry().getTracer("runtime").spanBuilder("GET").setSpanKind(SpanKind.SERVER)
                .startSpan();
        serveWithRuntimeSpanUntilTheMethodReturns(runtime, () -> {
            seen.put("mapper", Span.current().getSpanContext());
            Span child = otel.getOpenTelemetry().getTracer("app").spanBuilder("mapper work").startSpan();
            try (Scope ignored = child.makeCurrent()) {
                seen.put("child", Span.current().getSpanContext());
            } finally {
                child.end();
            }
        });
        assertEquals(runtime.getSpanContext(), seen.get("mapper"), "the mapper's line carries the runtime's span");
        SpanData child = otel.getSpans().stream().filter(span -> span.getName().equals("mapper work")).findFirst()
                .orElseThrow();
        assertEquals(child.getSpanContext(), seen.get("child"), "a line inside a child span carries the child's");
        assertEquals(runtime.getSpanContext().getSpanId(), child.getParentSpanId(), "a child of the SERVER span");
    }

    /** Before a route is matched, the request's context names no span: the runtime's span starts as a root. */
    @Test
    void beforeTheRuntimesSpanIsKnownTheRequestsContextNamesNone() throws Exception {
        request.servletClasses.put("api", "org.glassfish.jersey.servlet.ServletContainer");
        serve(new ServerRequests(otel::getOpenTelemetry, true),
                () -> seen.put("span", Span.current().getSpanContext()));
        assertFalse(((io.opentelemetry.api.trace.SpanContext) seen.get("span")).isValid());
    }

    @Test
    void theApplicationsExceptionIsFoundInsideTheContainersWrappers() {
        IllegalStateException application = new IllegalStateException("out of stock");
        assertSame(application, ServerRequest.applicationException(
                new ServletException(new ServletException("wrapped twice", application))));
        IOException own = new IOException("disk", new IllegalStateException("cause"));
        assertSame(own, ServerRequest.applicationException(own));
        ServletException withoutCause = new ServletException("no cause");
        assertSame(withoutCause, ServerRequest.applicationException(withoutCause));
    }

    @Test
    void failingOutsideAnyKnownSpanDoesNothing() {
        ServerRequest exchange = new ServerRequest(requests, servletRequest(), "id", null);
        exchange.failed(new IllegalStateException());
        exchange.responded(500);
        assertFalse(otel.getSpans().iterator().hasNext());
        assertTrue(request.attributes.containsValue(exchange));
    }

    /** The application's part of the request: may throw anything a filter chain may. */
    @FunctionalInterface
    interface Application {
        void serve() throws Exception;
    }

    /**
     * A JAX-RS request on a runtime with MicroProfile Telemetry: the runtime's span is current inside the library's
     * filter, around {@code application}, and ended before the filter's {@code finally}, as Payara's Jersey does.
     */
    private void serveWithRuntimeSpan(Span runtime, Application application) throws IOException, ServletException {
        request.servletClasses.put("api", "org.glassfish.jersey.servlet.ServletContainer");
        serve(new ServerRequests(otel::getOpenTelemetry, true), () -> {
            try (Scope ignored = runtime.makeCurrent()) {
                application.serve();
            } finally {
                runtime.end();
            }
        });
    }

    /**
     * As Payara's Jersey does it: the runtime's span current from matching until the resource method returns, then
     * {@code afterwards} (exception mapping, response filters) in the context the runtime restored.
     */
    private void serveWithRuntimeSpanUntilTheMethodReturns(Span runtime, Application afterwards)
            throws IOException, ServletException {
        request.servletClasses.put("api", "org.glassfish.jersey.servlet.ServletContainer");
        serve(new ServerRequests(otel::getOpenTelemetry, true), () -> {
            try (Scope ignored = runtime.makeCurrent()) {
                ServerRequest.of(servletRequest()).routeMatched("GET", Orders.class, Orders.class.getMethod("order"), null);
            }
            try {
                afterwards.serve();
            } finally {
                runtime.end();
            }
        });
    }

    private void serve(Application application) throws IOException, ServletException {
        serve(requests, application);
    }

    private void serve(ServerRequests owner, Application application) throws IOException, ServletException {
        FilterChain chain = (servletRequest, servletResponse) -> {
            try {
                application.serve();
            } catch (IOException | ServletException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        new RequestContextServletFilter(owner).doFilter(servletRequest(), response.servlet(), chain);
    }

    private jakarta.servlet.http.HttpServletRequest servletRequest() {
        return request.servlet();
    }

    private void look() {
        LogContext.current().forEach((key, value) -> seen.put("log." + key, value));
        seen.put("otel.request_id", Context.current().get(RequestIdPropagator.REQUEST_ID));
    }

    private static SpanData onlySpan() {
        List<SpanData> spans = otel.getSpans();
        assertEquals(1, spans.size(), "exactly one span: " + spans);
        return spans.get(0);
    }

    private static List<String> exceptionTypes(SpanData span) {
        return span.getEvents().stream().filter(event -> event.getName().equals("exception"))
                .map(EventData::getAttributes).map(attributes -> attributes.get(SemanticAttributes.EXCEPTION_TYPE))
                .toList();
    }
}
