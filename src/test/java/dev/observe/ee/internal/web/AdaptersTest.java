package dev.observe.ee.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.observe.ee.Observe;
import dev.observe.ee.internal.semconv.SemanticAttributes;
import dev.observe.ee.logging.LogContext;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JAX-RS filters and the resource-exception interceptor as what they are: thin adapters that hand one event each
 * to the request's {@link ServerRequest}, and do nothing where there is none.
 */
class AdaptersTest {

    @RegisterExtension
    static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

    private final WebFakes.Request request = new WebFakes.Request();
    private final WebFakes.Response response = new WebFakes.Response();
    private final ServerRequests requests = new ServerRequests(otel::getOpenTelemetry, false);

    @Path("/orders/")
    static class Orders {
        @GET
        @Path("/{id}/")
        public String order() {
            return "order";
        }
    }

    @AfterEach
    void nothingLeftOnTheThread() {
        assertEquals(Map.of(), LogContext.current());
        assertSame(Context.root(), Context.current());
    }

    @Test
    void theServerSpanFilterNamesTheRuntimesSpanAndMarksA5xx() throws Exception {
        Span runtime = otel.getOpenTelemetry().getTracer("runtime").spanBuilder("GET /shopapiorders{id}").startSpan();
        request.servletClasses.put("api", "org.glassfish.jersey.servlet.ServletContainer");
        ServerRequest exchange = new ServerRequests(otel::getOpenTelemetry, true)
                .begin(request.servlet(), response.servlet());
        try (Scope ignored = runtime.makeCurrent()) {
            // The runtime's span is current inside the library's servlet filter, as Payara's Jersey makes it.
            // JAX-RS properties are the servlet request's attributes in a servlet container.
            serverSpanFilter().filter(WebFakes.containerRequest("GET", request.attributes));
            requestContextFilter().filter(WebFakes.containerRequest("GET", request.attributes),
                    WebFakes.containerResponse(503, WebFakes.headers()));
            runtime.end();
        }
        exchange.end(response.servlet(), null);
        SpanData span = otel.getSpans().get(0);
        assertEquals("GET /shop/api/orders/{id}", span.getName());
        assertEquals("/shop/api/orders/{id}", span.getAttributes().get(SemanticAttributes.HTTP_ROUTE));
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    }

    @Path("route")
    public static class Route {
        @Path("locator/{id}")
        public Items locator() {
            return new Items();
        }

        @Path("other/{name}")
        public Items other() {
            return new Items();
        }
    }

    public static class Items {
        @GET
        @Path("items/{itemId}")
        public String item() {
            return "item";
        }
    }

    /**
     * Issue 11 §9: one sub-resource method through two locators, named after the locator each request took, as
     * Jersey lists the matched resources (the method's own already pushed) and as RESTEasy does (not yet).
     */
    @Test
    void aSubResourceMethodIsNamedAfterTheLocatorEachRequestTook() throws Exception {
        List<String> names = new java.util.ArrayList<>();
        List<List<Object>> jerseyAndResteasy = List.of(List.of(new Items(), new Route()), List.of(new Route()));
        for (List<Object> matched : jerseyAndResteasy) {
            for (String path : List.of("route/locator/42/items/7", "route/other/x/items/7")) {
                Span runtime = otel.getOpenTelemetry().getTracer("runtime").spanBuilder("GET").startSpan();
                request.servletClasses.put("api", "org.glassfish.jersey.servlet.ServletContainer");
                ServerRequest exchange = new ServerRequests(otel::getOpenTelemetry, true)
                        .begin(request.servlet(), response.servlet());
                try (Scope ignored = runtime.makeCurrent()) {
                    new ServerSpanFilter(Items.class, Items.class.getMethod("item"))
                            .filter(containerRequest(uriInfo(matched, path), request.attributes));
                    runtime.end();
                }
                exchange.end(response.servlet(), null);
            }
        }
        otel.getSpans().forEach(span -> names.add(span.getName()));
        String locator = "GET /shop/api/route/locator/{id}/items/{itemId}";
        String other = "GET /shop/api/route/other/{name}/items/{itemId}";
        assertEquals(List.of(locator, other, locator, other), names);
        assertEquals("/shop/api/route/other/{name}/items/{itemId}",
                otel.getSpans().get(3).getAttributes().get(SemanticAttributes.HTTP_ROUTE));
    }

    private static jakarta.ws.rs.container.ContainerRequestContext containerRequest(
            jakarta.ws.rs.core.UriInfo uriInfo, Map<String, Object> properties) {
        return WebFakes.fake(jakarta.ws.rs.container.ContainerRequestContext.class, (name, args) -> switch (name) {
            case "getMethod" -> "GET";
            case "getUriInfo" -> uriInfo;
            case "getProperty" -> properties.get((String) args[0]);
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private static jakarta.ws.rs.core.UriInfo uriInfo(List<Object> matched, String path) {
        return WebFakes.fake(jakarta.ws.rs.core.UriInfo.class, (name, args) -> switch (name) {
            case "getMatchedResources" -> matched;
            case "getPath" -> path;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    @Test
    void theServerSpanFilterDoesNothingWithoutARequestOfOurs() throws Exception {
        serverSpanFilter().filter(WebFakes.containerRequest("GET", new HashMap<>()));
        requestContextFilter().filter(WebFakes.containerRequest("GET", new HashMap<>()),
                WebFakes.containerResponse(500, WebFakes.headers()));
        assertEquals(List.of(), otel.getSpans());
    }

    @Test
    void theResponseCarriesTheRequestsIdOnce() throws Exception {
        request.header(Observe.REQUEST_ID_HEADER, "jaxrs-1");
        ServerRequest exchange = requests.begin(request.servlet(), response.servlet());
        RequestContextFilter filter = requestContextFilter();
        Map<String, Object> properties = request.attributes;
        int attributes = properties.size();
        filter.filter(WebFakes.containerRequest("GET", properties));
        assertEquals(attributes, properties.size(), "the servlet filter began it: nothing begun here");
        MultivaluedMap<String, Object> headers = WebFakes.headers();
        filter.filter(WebFakes.containerRequest("GET", properties), WebFakes.containerResponse(200, headers));
        exchange.end(response.servlet(), null);
        assertEquals(List.of("jaxrs-1"), headers.get(Observe.REQUEST_ID_HEADER));
    }

    @Test
    void withoutTheServletFilterTheJaxRsFilterBeginsAndEndsTheRequestWithoutASpan() throws Exception {
        request.header(Observe.REQUEST_ID_HEADER, "fallback-1");
        RequestContextFilter filter = requestContextFilter();
        Map<String, Object> properties = request.attributes;
        filter.filter(WebFakes.containerRequest("GET", properties));
        assertEquals("fallback-1", LogContext.get("request_id"), "bound for the resource method");
        MultivaluedMap<String, Object> headers = WebFakes.headers();
        filter.filter(WebFakes.containerRequest("GET", properties), WebFakes.containerResponse(200, headers));
        assertEquals(List.of("fallback-1"), headers.get(Observe.REQUEST_ID_HEADER));
        assertEquals(List.of(), otel.getSpans());
        // nothingLeftOnTheThread: ended by the response filter
    }

    @Test
    void aRequestRefusedBeforeAnyFilterOfOursStillGetsAnId() throws Exception {
        RequestContextFilter filter = requestContextFilter();
        filter.servletRequest = null;
        MultivaluedMap<String, Object> headers = WebFakes.headers();
        filter.filter(WebFakes.containerRequest("GET", new HashMap<>()), WebFakes.containerResponse(401, headers));
        String id = (String) headers.getFirst(Observe.REQUEST_ID_HEADER);
        assertNotNull(id);
        assertEquals(id, java.util.UUID.fromString(id).toString());
    }

    @Test
    void theInterceptorReportsTheExceptionAndRethrowsItUnchanged() throws Exception {
        HttpServletRequest servlet = request.servlet();
        ServerRequest exchange = requests.begin(servlet, response.servlet());
        ResourceExceptionInterceptor interceptor = new ResourceExceptionInterceptor(WebFakes.currentRequest(servlet));
        IllegalStateException thrown = new IllegalStateException("out of stock");
        assertSame(thrown, assertThrows(IllegalStateException.class,
                () -> interceptor.record(WebFakes.invocation(() -> {
                    throw thrown;
                }))));
        assertEquals("result", interceptor.record(WebFakes.invocation(() -> "result")));
        response.status = 500;
        exchange.end(response.servlet(), null);
        SpanData span = otel.getSpans().get(0);
        assertEquals(1, span.getEvents().size());
        assertEquals(IllegalStateException.class.getName(),
                span.getEvents().get(0).getAttributes().get(SemanticAttributes.EXCEPTION_TYPE));
    }

    @Test
    void outsideARequestTheInterceptorOnlyRethrows() {
        ResourceExceptionInterceptor interceptor = new ResourceExceptionInterceptor(WebFakes.currentRequest(null));
        IllegalStateException thrown = new IllegalStateException("plain bean call");
        assertSame(thrown, assertThrows(IllegalStateException.class,
                () -> interceptor.record(WebFakes.invocation(() -> {
                    throw thrown;
                }))));
        assertNull(ServerRequest.of((jakarta.servlet.ServletRequest) null));
    }

    private static ServerSpanFilter serverSpanFilter() throws NoSuchMethodException {
        return new ServerSpanFilter(Orders.class, Orders.class.getMethod("order"));
    }

    private RequestContextFilter requestContextFilter() {
        RequestContextFilter filter = new RequestContextFilter();
        filter.servletRequest = request.servlet();
        filter.servletResponse = response.servlet();
        return filter;
    }
}
