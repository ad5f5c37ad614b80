package dev.observe.ee.it;

import static dev.observe.ee.it.Deployments.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.it.app.ProbeResource;
import dev.observe.ee.it.app.RouteProbeResource;
import dev.observe.ee.it.app.ScopedProbeResource;
import dev.observe.ee.it.app.SpanCollector;
import dev.observe.ee.it.app.SpanJson;
import dev.observe.ee.it.app.TestApplication;
import dev.observe.ee.it.app.TracedProbe;
import dev.observe.ee.it.app.TracedService;

import jakarta.json.JsonObject;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SERVER span the runtime starts for each JAX-RS request, as exported (an in-memory exporter in the runtime's
 * own SDK): one per request, named after the route template, with {@code http.route}, the request id, and error
 * status only for 5xx.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
@OnLibertyBare
class ServerSpanIT {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withSpanCollector(Deployments.war("server-span", TestApplication.class,
                ProbeResource.class, SpanJson.class, TracedProbe.class, TracedService.class,
                ScopedProbeResource.class, RouteProbeResource.class, RouteProbeResource.Items.class));
    }

    @ArquillianResource
    URL base;

    @ParameterizedTest
    @CsvSource({"200, UNSET", "404, UNSET", "409, UNSET", "500, ERROR", "503, ERROR"})
    void oneServerSpanNamedAfterTheRouteTemplate(int status, String spanStatus) throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String requestId = "span-" + status + "-" + UUID.randomUUID();
        String orderId = "o-" + status;

        assertEquals(status, Http.get(base, "probe/orders/" + orderId + "/status/" + status,
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01", "X-Request-ID", requestId).statusCode());

        List<JsonObject> spans = spans(traceId, 1);
        assertEquals(1, spans.size(), "exactly one span for the request: " + spans);
        JsonObject span = spans.get(0);
        String route = base.getPath() + "probe/orders/{id}/status/{status}";
        assertEquals("SERVER", span.getString("kind"));
        assertEquals("GET " + route, span.getString("name"), String.valueOf(span));
        assertEquals(route, span.getJsonObject("attributes").getString("http.route"), String.valueOf(span));
        assertEquals("[" + requestId + "]",
                span.getJsonObject("attributes").getString("http.request.header.x-request-id"));
        assertEquals(spanStatus, span.getString("status"), status + " -> " + span);
        assertEquals("00f067aa0ba902b7", span.getString("parentSpanId"));
    }

    /**
     * Issue 11 §9: a method of a sub-resource is named after the full template JAX-RS matched, the locator's
     * included, and after the locator each request went through (one method, two locators, in turn).
     */
    @ParameterizedTest
    @CsvSource({"locator/42, locator/{id}", "other/abc, other/{name}", "locator/43, locator/{id}"})
    void aSubResourceMethodIsNamedAfterTheWholeMatchedTemplate(String locatorPath, String locatorTemplate)
            throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        assertEquals(200, Http.get(base, "probe/route/" + locatorPath + "/items/7",
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").statusCode());

        List<JsonObject> spans = spans(traceId, 1);
        assertEquals(1, spans.size(), "exactly one span for the request: " + spans);
        String route = base.getPath() + "probe/route/" + locatorTemplate + "/items/{itemId}";
        assertEquals("GET " + route, spans.get(0).getString("name"), String.valueOf(spans.get(0)));
        assertEquals(route, spans.get(0).getJsonObject("attributes").getString("http.route"));
    }

    /**
     * An exception no mapper handles, thrown by a resource class that is a CDI bean: recorded on the SERVER span as
     * the application's own exception, on every server.
     */
    @Test
    void anExceptionNoMapperHandlesIsRecordedOnTheServerSpan() throws Exception {
        JsonObject span = serverSpanOfFailing("scoped-probe/unmapped");
        assertTrue(exceptionTypes(span).contains(ProbeResource.UnmappedFailure.class.getCanonicalName()),
                "the application's own exception is recorded: " + span);
    }

    /**
     * The same from a resource class that is not a CDI bean. Payara Micro's Jersey creates such a class itself, so
     * no CDI interceptor reaches it, and Payara records only its own wrapper ({@code MappableException}, whose
     * stack trace names the application's exception as the cause). Open Liberty's resources are always CDI beans.
     */
    @Test
    void anExceptionFromANonCdiResourceIsRecordedWhereTheRuntimeAllows() throws Exception {
        JsonObject span = serverSpanOfFailing("probe/unmapped");
        String expected = "payara".equals(server()) ? "org.glassfish.jersey.server.internal.process.MappableException"
                : ProbeResource.UnmappedFailure.class.getCanonicalName();
        assertTrue(exceptionTypes(span).contains(expected), expected + " in " + span);
    }

    private JsonObject serverSpanOfFailing(String path) throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        assertEquals(500, Http.get(base, path, "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").statusCode());
        List<JsonObject> spans = spans(traceId, 1);
        assertEquals(1, spans.size(), "exactly one span for the request: " + spans);
        JsonObject span = spans.get(0);
        assertEquals("GET " + base.getPath() + path, span.getString("name"), String.valueOf(span));
        assertEquals("ERROR", span.getString("status"), String.valueOf(span));
        return span;
    }

    private static List<String> exceptionTypes(JsonObject span) {
        return span.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .map(event -> event.getString("exception.type")).toList();
    }

    private List<JsonObject> spans(String traceId, int expected) throws Exception {
        return Spans.awaitTrace(base, "collected-spans", traceId, expected);
    }
}
