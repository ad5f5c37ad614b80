package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The demo's WAR as built, configured for production the guide's way: from the environment only, as an operator
 * would. {@code OTEL_EXPORTER_OTLP_ENDPOINT} alone (no {@code OTEL_TRACES_EXPORTER}) turns export on, over gRPC
 * ({@code OTEL_EXPORTER_OTLP_PROTOCOL}) with a bearer token ({@code OTEL_EXPORTER_OTLP_HEADERS}) and the service
 * named by {@code OTEL_SERVICE_NAME}. The environment overrides the demo's own {@code %prod.} keys (in its
 * {@code microprofile-config.properties}) by MicroProfile Config's rule, a plain key of a higher source winning over
 * a profiled key of a lower one: {@code OBSERVE_SAMPLING_RATIO=0} over {@code %prod.observe.sampling.ratio=0.1} (no
 * successful order is exported, the failing order's whole trace is), and the profiled form
 * {@code _PROD_OBSERVE_LOG_STATIC_FIELDS} over {@code %prod.observe.log.static-fields}. The SDK's metrics and the
 * application's log records are exported to the same endpoint. Each server runs in a process of the test's own,
 * since only a process has an environment.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class EnvironmentConfiguredExport {

    static final String SERVICE = "orders-from-environment";
    static final String TOKEN = "Bearer env-token-7";
    static final String ENVIRONMENT = "production-from-environment";

    private static OtlpReceiver receiver;
    private static StandaloneServer server;

    /** The environment an operator would set for production. */
    static Map<String, String> productionEnvironment() {
        return Map.of("MP_CONFIG_PROFILE", "prod",
                "OTEL_SERVICE_NAME", SERVICE,
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + System.getProperty("it.otlp.grpc.port"),
                "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc",
                "OTEL_EXPORTER_OTLP_HEADERS", "Authorization=" + TOKEN,
                "OTEL_BSP_SCHEDULE_DELAY", "100",
                "OTEL_METRIC_EXPORT_INTERVAL", "1000",
                "OBSERVE_SAMPLING_RATIO", "0",
                "_PROD_OBSERVE_LOG_STATIC_FIELDS", "environment=" + ENVIRONMENT);
    }

    static void start(StandaloneServer.Starter starter) throws Exception {
        receiver = OtlpReceiver.grpc(Integer.getInteger("it.otlp.grpc.port"));
        server = starter.start(productionEnvironment());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (receiver != null) {
                receiver.close();
            }
        }
    }

    private static String traceparent(String traceId) {
        return "00-" + traceId + "-00f067aa0ba902b7-01";
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * A trace id that the demo's own production ratio (0.1) keeps and ratio 0 drops: its lower 64 bits, from which
     * the tail sampler decides as OpenTelemetry's trace-id-ratio sampler does, are far below 0.1 of the range.
     */
    private static String traceIdKeptAtATenth(int n) {
        return newTraceId().substring(0, 16) + String.format("%016x", n + 1);
    }

    @Test
    void theFailingOrdersWholeTraceArrivesOverGrpcAndNoSuccessfulOneDoes() throws Exception {
        List<String> successful = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String traceId = traceIdKeptAtATenth(i);
            successful.add(traceId);
            assertEquals(201, Http.postJson(server.base(), "api/orders",
                    "{\"items\":[{\"sku\":\"A1\",\"quantity\":1,\"price\":5}]}", "traceparent", traceparent(traceId))
                    .statusCode());
        }
        String failing = newTraceId();
        assertEquals(400, Http.postJson(server.base(), "api/orders", "{\"items\":[]}",
                "traceparent", traceparent(failing)).statusCode());

        List<OtlpReceiver.ReceivedSpan> trace = receiver.awaitTrace(failing, 2);
        OtlpReceiver.ReceivedSpan serverSpan = trace.stream().filter(span -> span.kind().equals("SERVER")).findFirst()
                .orElseThrow(() -> new AssertionError("no SERVER span: " + trace));
        OtlpReceiver.ReceivedSpan placeOrder = trace.stream().filter(span -> span.name().equals("place_order"))
                .findFirst().orElseThrow(() -> new AssertionError("no place_order: " + trace));
        assertEquals("POST /api/orders", serverSpan.name());
        assertEquals("00f067aa0ba902b7", serverSpan.parentSpanId());
        assertEquals(serverSpan.spanId(), placeOrder.parentSpanId());
        assertEquals("ERROR", placeOrder.status(), placeOrder.toString());
        assertEquals(List.of("dev.observe.demo.InvalidOrderException"), placeOrder.exceptionTypes());
        for (OtlpReceiver.ReceivedSpan span : trace) {
            assertEquals(SERVICE, span.serviceName(), span.toString());
            assertEquals(TOKEN, span.authorization(), span.toString());
            assertEquals("grpc", span.transport(), span.toString());
        }
        for (String traceId : successful) {
            assertEquals(List.of(), receiver.trace(traceId), "OBSERVE_SAMPLING_RATIO=0 wins over the file's "
                    + "%prod.observe.sampling.ratio=0.1: a successful order is not exported");
        }
    }

    @Test
    void theSdksMetricsArriveOverGrpcFromTheSameService() throws Exception {
        List<OtlpReceiver.ReceivedMetric> metrics = Awaits.atLeast("metrics received", receiver::metrics, 1,
                Duration.ofSeconds(20));
        System.out.println(getClass().getSimpleName() + ": metrics received: "
                + metrics.stream().map(OtlpReceiver.ReceivedMetric::name).distinct().toList());
        assertTrue(!metrics.isEmpty(), "OTEL_EXPORTER_OTLP_ENDPOINT turns metrics export on too");
        for (OtlpReceiver.ReceivedMetric metric : metrics) {
            assertEquals(SERVICE, metric.serviceName(), metric.toString());
            assertEquals(TOKEN, metric.authorization(), metric.toString());
            assertEquals("grpc", metric.transport(), metric.toString());
        }
    }

    @Test
    void theApplicationsLogRecordsArriveOverGrpcInTheirTrace() throws Exception {
        String requestId = "env-logs-" + UUID.randomUUID();
        String traceId = newTraceId();
        assertEquals(400, Http.postJson(server.base(), "api/orders", "{\"items\":[]}",
                "traceparent", traceparent(traceId), "X-Request-ID", requestId).statusCode());

        List<OtlpReceiver.ReceivedLog> logs = Awaits.atLeast("log records of " + requestId, () -> logsOf(requestId), 2,
                Duration.ofSeconds(20));
        OtlpReceiver.ReceivedLog placing = logs.stream().filter(log -> log.body().equals("placing_order"))
                .findFirst().orElseThrow(() -> new AssertionError("no placing_order record: " + receiver.logs()));
        OtlpReceiver.ReceivedLog failed = logs.stream().filter(log -> log.body().equals("order_placement_failed"))
                .findFirst().orElseThrow(() -> new AssertionError("no order_placement_failed: " + receiver.logs()));
        assertEquals("INFO", placing.severity().toUpperCase(java.util.Locale.ROOT), placing.toString());
        assertEquals("POST", placing.attributes().get("method"), placing.toString());
        assertEquals("0", placing.attributes().get("item_count"), placing.toString());
        assertEquals(traceId, placing.traceId(), "the record carries the request's trace");
        assertEquals(ENVIRONMENT, placing.attributes().get("environment"),
                "_PROD_OBSERVE_LOG_STATIC_FIELDS over the file's %prod.observe.log.static-fields: " + placing);
        assertEquals("dev.observe.demo.InvalidOrderException", failed.attributes().get("exception.type"));
        assertEquals(traceId, failed.traceId());
        for (OtlpReceiver.ReceivedLog log : logs) {
            assertEquals(SERVICE, log.serviceName(), log.toString());
            assertEquals(TOKEN, log.authorization(), log.toString());
            assertEquals("grpc", log.transport(), log.toString());
        }
    }

    /** Last: the collector goes away for good. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aDeadCollectorIsReportedInTheServersOutputAtMostOnceAMinute() throws Exception {
        // What the earlier tests made is exported first. A positive marker: a failing order, whose trace and log
        // records the sampler keeps, reaches the receiver after everything its batch processors held before it.
        String markerRequest = "env-marker-" + UUID.randomUUID();
        String markerTrace = newTraceId();
        assertEquals(400, Http.postJson(server.base(), "api/orders", "{\"items\":[]}",
                "traceparent", traceparent(markerTrace), "X-Request-ID", markerRequest).statusCode());
        Awaits.atLeast("spans of the marker order", () -> receiver.trace(markerTrace), 2, Duration.ofSeconds(20));
        Awaits.atLeast("log records of the marker order", () -> logsOf(markerRequest), 2, Duration.ofSeconds(20));
        int before = failureLines().size();
        receiver.close();
        long start = System.nanoTime();
        // 15 s of traffic, a request every 100 ms: every request makes spans, log records and metrics that fail to
        // export, over gRPC, and every one is answered all the same.
        Awaits.await("a failing order answered throughout 15 s of dead collector").during(Duration.ofSeconds(15))
                .atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(400,
                        Http.postJson(server.base(), "api/orders", "{\"items\":[]}").statusCode()));
        // The upper bound below is an absence (no further failure line): held for 2 s after the traffic.
        Awaits.await("no more than one failure line a minute").during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                    int reported = failureLines().size() - before;
                    assertTrue(reported <= 1 + (int) ((System.nanoTime() - start) / 1e9 / 60),
                            "at most once a minute: " + reported);
                });
        List<String> failures = failureLines();
        List<String> during = failures.subList(before, failures.size());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(getClass().getSimpleName() + ": exporter failure lines in " + Math.round(seconds)
                + " s of dead collector: " + during.size());
        assertTrue(during.size() >= 1, "the dead collector is reported");
        assertTrue(during.size() <= 1 + (int) (seconds / 60), "at most once a minute: " + during);
    }

    private static List<OtlpReceiver.ReceivedLog> logsOf(String requestId) {
        return receiver.logs().stream().filter(log -> requestId.equals(log.attributes().get("request_id"))).toList();
    }

    private static List<String> failureLines() throws java.io.IOException {
        return server.lines().stream().filter(line -> line.contains("Failed to export")
                || line.contains("Too many log messages")).toList();
    }
}
