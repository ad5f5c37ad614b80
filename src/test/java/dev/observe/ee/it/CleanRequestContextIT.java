package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.it.app.LeftContextResource;
import dev.observe.ee.it.app.PlainServlet;
import dev.observe.ee.it.app.SpanJson;
import dev.observe.ee.it.app.TestApplication;

import jakarta.json.JsonObject;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every request starts from a clean context, whatever an earlier request left on its thread (issue 11 §3), and every
 * line of a request, error lines above all, carries the request's trace and span ids (§4).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
@OnLibertyBare
class CleanRequestContextIT {

    /** Concurrent asynchronous requests, so that several of the server's request threads are left something. */
    private static final int ASYNC_REQUESTS = 16;
    private static final int FOLLOW_UPS = 30;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withSpanCollector(Deployments.war("clean-context", TestApplication.class,
                LeftContextResource.class, LeftContextResource.MappedFailure.class,
                LeftContextResource.MappedFailureMapper.class, LeftContextResource.UnmappedFailure.class,
                PlainServlet.class, PlainServlet.PlainFailure.class, SpanJson.class));
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void captureServerOutput() {
        ServerOutput.install();
    }

    @Test
    void requestsAfterAnAsynchronousResumeHaveTheirOwnSpanAndTrace() throws Exception {
        Set<String> asyncTraces = new HashSet<>();
        ExecutorService clients = Executors.newFixedThreadPool(ASYNC_REQUESTS);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < ASYNC_REQUESTS; i++) {
                String traceId = newTraceId();
                asyncTraces.add(traceId);
                answers.add(clients.submit(() -> Http.get(base, "left/async", "traceparent", traceparent(traceId))));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertEquals(200, answer.get().statusCode());
            }
        } finally {
            clients.shutdown();
        }

        List<String> mismatches = new ArrayList<>();
        Set<String> untracedTraces = new HashSet<>();
        for (int i = 0; i < FOLLOW_UPS; i++) {
            for (String path : List.of("plain/served", "left/jaxrs")) {
                // Half continue a caller's trace, half start their own.
                boolean continued = i % 2 == 0;
                String traceId = newTraceId();
                String requestId = "clean-" + UUID.randomUUID();
                HttpResponse<String> response = continued
                        ? Http.get(base, path, "X-Request-ID", requestId, "traceparent", traceparent(traceId))
                        : Http.get(base, path, "X-Request-ID", requestId);
                assertEquals(200, response.statusCode(), response.body());
                JsonObject body = Http.json(response);
                JsonObject span = body.containsKey("span") ? body.getJsonObject("span") : body;
                JsonObject line = ServerOutput.json(ServerOutput.awaitLine("\"request_id\":\"" + requestId + "\""))
                        .get(0);
                String lineTrace = line.getString("trace_id", "");
                String expected = continued ? traceId : span.getString("traceId");
                if (!span.getBoolean("valid") || !expected.equals(span.getString("traceId"))
                        || !expected.equals(lineTrace) || asyncTraces.contains(lineTrace)
                        || !span.getString("spanId").equals(line.getString("span_id", ""))) {
                    mismatches.add(path + (continued ? " (traceparent " + traceId + ")" : "") + ": span " + span
                            + ", line " + line);
                }
                if (!continued) {
                    untracedTraces.add(lineTrace);
                }
            }
        }
        assertEquals(List.of(), mismatches, "requests without a span and a trace of their own");
        assertEquals(FOLLOW_UPS, untracedTraces.size(), "each request without traceparent starts its own trace");
    }

    @Test
    void aMappersLineCarriesTheRequestsTraceAndServerSpan() throws Exception {
        String traceId = newTraceId();
        String requestId = "mapped-" + UUID.randomUUID();
        assertEquals(503, Http.get(base, "left/mapped", "X-Request-ID", requestId,
                "traceparent", traceparent(traceId)).statusCode());

        JsonObject server = serverSpan(traceId);
        List<JsonObject> lines = linesOf(requestId, 1);
        JsonObject mapperLine = lines.stream().filter(line -> "mapped_failure".equals(line.getString("event", "")))
                .findFirst().orElseThrow(() -> new AssertionError("no line from the mapper in " + lines));
        assertEquals(traceId, mapperLine.getString("trace_id", ""), "the mapper's line: " + mapperLine);
        assertEquals(server.getString("spanId"), mapperLine.getString("span_id", ""), "the SERVER span's id");
        assertEveryLineCarries(lines, traceId, server.getString("spanId"));
    }

    @Test
    void theRuntimesLineForAnUnmappedExceptionCarriesTheRequestsTraceAndServerSpan() throws Exception {
        String traceId = newTraceId();
        String requestId = "unmapped-" + UUID.randomUUID();
        assertEquals(500, Http.get(base, "left/unmapped", "X-Request-ID", requestId,
                "traceparent", traceparent(traceId)).statusCode());

        JsonObject server = serverSpan(traceId);
        List<JsonObject> lines = linesOf(requestId, 1);
        assertFalse(lines.isEmpty(), "the runtime's line");
        assertEveryLineCarries(lines, traceId, server.getString("spanId"));
    }

    private static void assertEveryLineCarries(List<JsonObject> lines, String traceId, String spanId) {
        List<JsonObject> without = lines.stream().filter(line -> !traceId.equals(line.getString("trace_id", ""))
                || !spanId.equals(line.getString("span_id", ""))).toList();
        assertTrue(without.isEmpty(), "lines of the request without its trace " + traceId + " and SERVER span "
                + spanId + ": " + without);
    }

    private List<JsonObject> linesOf(String requestId, int atLeast) {
        return ServerOutput.json(ServerOutput.awaitLines("\"request_id\":\"" + requestId + "\"", atLeast));
    }

    private JsonObject serverSpan(String traceId) {
        List<JsonObject> spans = Spans.awaitTrace(base, "collected-spans", traceId, 1);
        List<JsonObject> servers = spans.stream().filter(span -> "SERVER".equals(span.getString("kind")))
                .collect(Collectors.toList());
        assertEquals(1, servers.size(), "one SERVER span: " + spans);
        return servers.get(0);
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String traceparent(String traceId) {
        return "00-" + traceId + "-00f067aa0ba902b7-01";
    }
}
