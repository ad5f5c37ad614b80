package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * named by {@code OTEL_SERVICE_NAME}; {@code OBSERVE_SAMPLING_RATIO=0} overrides the demo's own production ratio
 * (0.1, in its {@code microprofile-config.properties}) like any MicroProfile Config key: no successful order is
 * exported, the failing order's whole trace is. The SDK's metrics and the application's log records are exported to
 * the same endpoint. Each server runs in a process of the test's own, since only a
 * process has an environment.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class EnvironmentConfiguredExport {

    static final String SERVICE = "orders-from-environment";
    static final String TOKEN = "Bearer env-token-7";

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
                "OBSERVE_SAMPLING_RATIO", "0");
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

    @Test
    void theFailingOrdersWholeTraceArrivesOverGrpcAndNoSuccessfulOneDoes() throws Exception {
        List<String> successful = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String traceId = newTraceId();
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
            assertEquals(List.of(), receiver.trace(traceId), "ratio 0: a successful order is not exported");
        }
    }

    @Test
    void theSdksMetricsArriveOverGrpcFromTheSameService() throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (receiver.metrics().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        List<OtlpReceiver.ReceivedMetric> metrics = receiver.metrics();
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

        long deadline = System.nanoTime() + 20_000_000_000L;
        List<OtlpReceiver.ReceivedLog> logs = List.of();
        while (logs.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            logs = receiver.logs().stream().filter(log -> requestId.equals(log.attributes().get("request_id")))
                    .toList();
        }
        OtlpReceiver.ReceivedLog placing = logs.stream().filter(log -> log.body().equals("placing_order"))
                .findFirst().orElseThrow(() -> new AssertionError("no placing_order record: " + receiver.logs()));
        OtlpReceiver.ReceivedLog failed = logs.stream().filter(log -> log.body().equals("order_placement_failed"))
                .findFirst().orElseThrow(() -> new AssertionError("no order_placement_failed: " + receiver.logs()));
        assertEquals("INFO", placing.severity().toUpperCase(java.util.Locale.ROOT), placing.toString());
        assertEquals("POST", placing.attributes().get("method"), placing.toString());
        assertEquals("0", placing.attributes().get("item_count"), placing.toString());
        assertEquals(traceId, placing.traceId(), "the record carries the request's trace");
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
        Thread.sleep(1500);  // what the earlier tests made is exported
        int before = failureLines().size();
        receiver.close();
        long start = System.nanoTime();
        // 15 s of traffic: every request makes spans, log records and metrics that fail to export, over gRPC.
        while (System.nanoTime() - start < 15_000_000_000L) {
            assertEquals(400, Http.postJson(server.base(), "api/orders", "{\"items\":[]}").statusCode());
            Thread.sleep(100);
        }
        Thread.sleep(2000);
        List<String> failures = failureLines();
        List<String> during = failures.subList(before, failures.size());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(getClass().getSimpleName() + ": exporter failure lines in " + Math.round(seconds)
                + " s of dead collector: " + during.size());
        assertTrue(during.size() >= 1, "the dead collector is reported");
        assertTrue(during.size() <= 1 + (int) (seconds / 60), "at most once a minute: " + during);
    }

    private static List<String> failureLines() throws java.io.IOException {
        return server.lines().stream().filter(line -> line.contains("Failed to export")
                || line.contains("Too many log messages")).toList();
    }
}
