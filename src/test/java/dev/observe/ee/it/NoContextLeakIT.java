package dev.observe.ee.it;

import static dev.observe.ee.it.Deployments.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.it.app.HopResource;
import dev.observe.ee.it.app.SpanCollector;
import dev.observe.ee.it.app.TestApplication;

import jakarta.json.JsonObject;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No request's context leaks into another's, under load: 20 000 requests from 32 concurrent clients, each with its
 * own request id and trace id, to an endpoint that logs and calls a second endpoint that logs. Every log line and
 * every exported span must carry its own request's ids: zero mismatches. Bounded: 20 000 requests, 5 minutes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
@OnLibertyBare
class NoContextLeakIT {

    private static final int REQUESTS = Integer.getInteger("leak.requests", 20_000);
    private static final int CLIENTS = 32;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withSpanCollector(Deployments.war("leak", TestApplication.class, HopResource.class));
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void captureServerOutput() {
        ServerOutput.install();
    }

    @Test
    void everyLineAndEverySpanCarriesItsOwnRequest() throws Exception {
        Http.get(base, "hop/first"); // warm up the code path once
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(4)).build();
        Http.send(HttpRequest.newBuilder(URI.create(base + "collected-spans")).DELETE().build());
        String run = Long.toHexString(System.nanoTime());
        Map<String, String> traceOf = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            done.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
                    String requestId = "leak-" + run + "-" + i;
                    String traceId = String.format("%016x%016x", Long.parseLong(run, 16), i + 1L);
                    traceOf.put(requestId, traceId);
                    try {
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "hop/first"))
                                .timeout(Duration.ofSeconds(30))
                                .header("X-Request-ID", requestId)
                                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        clients.shutdown();
        assertTrue(clients.awaitTermination(5, TimeUnit.MINUTES), "bounded to 5 minutes");
        for (Future<?> future : done) {
            future.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // On stderr: System.out carries the server's relayed output, which a line of ours would cut in two.
        System.err.printf("NoContextLeakIT %s: %d requests (2 hops each) from %d clients in %.1f s, %.0f requests/s%n",
                server(), REQUESTS, CLIENTS, seconds, REQUESTS / seconds);
        assertEquals(0, failures.get(), "every request answered 200");

        // Log lines: every line of this run, on both hops, carries its own request's trace id.
        String prefix = "\"request_id\":\"leak-" + run + "-";
        List<String> lines = awaitLines(prefix, 2 * REQUESTS);
        int mismatches = 0;
        Map<String, Integer> linesPerRequest = new HashMap<>();
        for (JsonObject line : ServerOutput.json(lines)) {
            String requestId = line.getString("request_id");
            linesPerRequest.merge(requestId, 1, Integer::sum);
            if (!traceOf.get(requestId).equals(line.getString("trace_id", ""))) {
                mismatches++;
            }
        }
        assertEquals(0, mismatches, "log lines with another request's trace id");
        assertEquals(REQUESTS, linesPerRequest.size(), "every request logged");
        assertTrue(linesPerRequest.values().stream().allMatch(count -> count == 2),
                "two lines (one per hop) per request");

        // Spans: every trace of this run has its three spans, and its SERVER spans carry its own request id.
        JsonObject traces = awaitSpans(traceOf, 3);
        int spanMismatches = 0;
        for (Map.Entry<String, String> request : traceOf.entrySet()) {
            JsonObject trace = traces.getJsonObject(request.getValue());
            if (trace == null || trace.getInt("spans") != 3) {
                spanMismatches++;
                continue;
            }
            for (String id : trace.getJsonArray("requestIds").getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(jakarta.json.JsonString::getString).toList()) {
                if (!id.equals(request.getKey())) {
                    spanMismatches++;
                }
            }
        }
        assertEquals(0, spanMismatches, "traces with a missing span or another request's id");
    }

    /** This run's lines, once there are {@code expected} (the test fails after 2 minutes). */
    private static List<String> awaitLines(String prefix, int expected) {
        return Awaits.atLeast("log lines of this run", () -> ServerOutput.linesContaining(prefix), expected,
                Duration.ofMinutes(2));
    }

    /** Spans per trace, once every trace of this run has {@code perTrace} (the test fails after a minute). */
    private JsonObject awaitSpans(Map<String, String> traceOf, int perTrace) {
        return Awaits.await("every trace of this run complete").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Http.json(Http.get(base, "collected-spans/by-trace")),
                        traces -> traceOf.values().stream().allMatch(traceId -> traces.containsKey(traceId)
                                && traces.getJsonObject(traceId).getInt("spans") >= perTrace));
    }
}
