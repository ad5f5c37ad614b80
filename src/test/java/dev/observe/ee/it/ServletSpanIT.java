package dev.observe.ee.it;

import static dev.observe.ee.it.Deployments.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.it.app.PlainServlet;
import dev.observe.ee.it.app.SpanCollector;
import dev.observe.ee.it.app.SpanJson;
import dev.observe.ee.it.app.TestApplication;

import jakarta.json.JsonObject;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A plain servlet (not JAX-RS) gets what a JAX-RS resource gets: one SERVER span continuing the caller's trace,
 * named {@code GET <servlet mapping>} with {@code http.route}, the request id and status code, an unhandled
 * exception recorded as the application's own; its log lines carry the request id and that span's ids.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
@OnLibertyBare
class ServletSpanIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withSpanCollector(Deployments.war("plain", TestApplication.class, PlainServlet.class,
                PlainServlet.PlainFailure.class, SpanJson.class));
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void captureServerOutput() {
        ServerOutput.install();
    }

    @Test
    void aPlainServletRequestHasOneServerSpanAndCorrelatedLogs() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String requestId = "plain-" + UUID.randomUUID();
        HttpResponse<String> response = Http.get(base, "plain/hello",
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01", "X-Request-ID", requestId);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(requestId, response.headers().firstValue("X-Request-ID").orElse(null));

        List<JsonObject> spans = Spans.awaitTrace(base, "collected-spans", traceId, 1);
        assertEquals(1, spans.size(), "exactly one span for the request: " + spans);
        JsonObject span = spans.get(0);
        // Open Liberty's MicroProfile Telemetry traces servlets itself (its filter runs inside the library's, so
        // the library cannot complete that span): its http.route drops the mapping's "/*". Elsewhere the span is
        // the library's.
        boolean libertysOwn = "liberty".equals(server());
        String route = base.getPath() + (libertysOwn ? "plain" : "plain/*");
        assertEquals("SERVER", span.getString("kind"), String.valueOf(span));
        assertEquals("GET " + route, span.getString("name"), String.valueOf(span));
        assertEquals("00f067aa0ba902b7", span.getString("parentSpanId"), String.valueOf(span));
        JsonObject attributes = span.getJsonObject("attributes");
        assertEquals(route, attributes.getString("http.route"), String.valueOf(span));
        if (!libertysOwn) {
            assertEquals("[" + requestId + "]", attributes.getString("http.request.header.x-request-id"),
                    String.valueOf(span));
            assertEquals("200", attributes.getString("http.response.status_code"), String.valueOf(span));
        }
        assertEquals("UNSET", span.getString("status"), String.valueOf(span));

        List<JsonObject> lines = ServerOutput.json(ServerOutput.awaitLines(requestId, 1),
                line -> "plain_request_served".equals(line.getString("event", null)));
        assertEquals(1, lines.size(), String.valueOf(lines));
        JsonObject line = lines.get(0);
        assertEquals(requestId, line.getString("request_id"), String.valueOf(line));
        assertEquals(traceId, line.getString("trace_id"), String.valueOf(line));
        assertEquals(span.getString("spanId"), line.getString("span_id"), String.valueOf(line));
    }

    @Test
    void anUnhandledExceptionIsRecordedAsTheApplicationsOwn() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> response = Http.get(base, "plain/fail",
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        assertEquals(500, response.statusCode());

        if ("liberty".equals(server())) {
            // Open Liberty's own servlet span (which the library defers to) is never ended when the servlet
            // throws: nothing is exported. Pinned, so that a Liberty that fixes it is noticed (docs/tracing.md).
            // An absence with no later marker to prove it (a span ends when, and on whichever thread, the runtime
            // ends it): held for the 10 s the other runtimes are given to deliver theirs.
            Awaits.await("no span of the failed servlet request").during(Duration.ofSeconds(10))
                    .atMost(Duration.ofSeconds(12))
                    .untilAsserted(() -> assertEquals(List.of(), Spans.trace(base, "collected-spans", traceId)));
            return;
        }
        List<JsonObject> spans = Spans.awaitTrace(base, "collected-spans", traceId, 1);
        assertEquals(1, spans.size(), String.valueOf(spans));
        JsonObject span = spans.get(0);
        assertEquals("ERROR", span.getString("status"), String.valueOf(span));
        assertTrue(span.getJsonArray("events").getValuesAs(JsonObject.class).stream().anyMatch(
                event -> PlainServlet.PlainFailure.class.getCanonicalName().equals(event.getString("exception.type"))),
                "the application's exception, not the container's wrapper: " + span);
        JsonObject attributes = span.getJsonObject("attributes");
        assertEquals("500", attributes.getString("http.response.status_code"), String.valueOf(span));
        assertEquals(PlainServlet.PlainFailure.class.getName(), attributes.getString("error.type"),
                String.valueOf(span));
    }
}
