package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo, exporting over OTLP/HTTP (protobuf) to a real receiver on 127.0.0.1, configured the guide's way with
 * {@code otel.*} keys, a bearer token in {@code otel.exporter.otlp.headers}, and the error-keeping tail sampler at
 * ratio 0.5. The test picks trace ids on either side of the ratio's bound (the decision is the trace id's lower
 * 64 bits, as in OpenTelemetry's {@code traceidratio}): a kept successful order arrives complete with both hops,
 * a successful order the ratio drops does not arrive, a failing order the ratio would drop arrives because it
 * failed, with ERROR status and its exception event.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
class OtlpExportIT {

    static final String KEPT_BY_RATIO = "0000000000000001";
    static final String DROPPED_BY_RATIO = "7fffffffffffffff";

    private static OtlpReceiver receiver;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("mp.config.profile=prod\n"
                + "otel.service.name=orders-demo\n"
                + "otel.traces.exporter=otlp\n"
                + "otel.exporter.otlp.protocol=http/protobuf\n"
                + "otel.exporter.otlp.endpoint=http://127.0.0.1:" + System.getProperty("it.otlp.port") + "\n"
                + "otel.exporter.otlp.headers=Authorization=Bearer test-token-42\n"
                + "otel.bsp.schedule.delay=100\n"
                + "observe.sampling.ratio=0.5\n");
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = OtlpReceiver.http(Integer.getInteger("it.otlp.port"));
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    static String traceId(String lowerHalf) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16) + lowerHalf;
    }

    @Test
    void aKeptOrderArrivesCompleteWithBothHops() throws Exception {
        String traceId = traceId(KEPT_BY_RATIO);
        assertEquals(201, Http.postJson(base, "api/orders", "{\"items\":[{\"sku\":\"A1\",\"quantity\":2,\"price\":9.99}]}",
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").statusCode());

        List<OtlpReceiver.ReceivedSpan> received = receiver.awaitTrace(traceId, 6);
        Map<String, OtlpReceiver.ReceivedSpan> spans = received.stream().collect(Collectors.toMap(
                OtlpReceiver.ReceivedSpan::name, Function.identity(), (first, second) -> first));
        assertEquals(6, received.size(), String.valueOf(spans.keySet()));
        OtlpReceiver.ReceivedSpan serverSpan = spans.get("POST " + base.getPath() + "api/orders");
        OtlpReceiver.ReceivedSpan placeOrder = spans.get("place_order");
        OtlpReceiver.ReceivedSpan inventory = spans.get("POST " + base.getPath() + "api/inventory/{sku}/reservations");
        OtlpReceiver.ReceivedSpan client = received.stream().filter(span -> span.kind().equals("CLIENT")).findFirst()
                .orElseThrow(() -> new AssertionError("no CLIENT span: " + spans.keySet()));
        assertEquals("00f067aa0ba902b7", serverSpan.parentSpanId());
        assertEquals(serverSpan.spanId(), placeOrder.parentSpanId());
        assertEquals(placeOrder.spanId(), spans.get("create_order_record").parentSpanId());
        assertEquals(placeOrder.spanId(), spans.get("create_order_items").parentSpanId());
        assertEquals(placeOrder.spanId(), client.parentSpanId());
        assertEquals(client.spanId(), inventory.parentSpanId());
        for (OtlpReceiver.ReceivedSpan span : received) {
            assertEquals("orders-demo", span.serviceName(), String.valueOf(span));
            assertEquals("Bearer test-token-42", span.authorization(), "the configured header arrives");
        }
    }

    @Test
    void aSuccessfulOrderTheRatioDropsDoesNotArriveAndAFailingOneDoes() throws Exception {
        String dropped = traceId(DROPPED_BY_RATIO);
        String failing = traceId(DROPPED_BY_RATIO);
        assertEquals(201, Http.postJson(base, "api/orders", "{\"items\":[{\"sku\":\"A1\",\"quantity\":1,\"price\":5}]}",
                "traceparent", "00-" + dropped + "-00f067aa0ba902b7-01").statusCode());
        assertEquals(400, Http.postJson(base, "api/orders", "{\"items\":[]}",
                "traceparent", "00-" + failing + "-00f067aa0ba902b7-01").statusCode());

        List<OtlpReceiver.ReceivedSpan> failed = receiver.awaitTrace(failing, 2);
        OtlpReceiver.ReceivedSpan placeOrder = failed.stream().filter(span -> span.name().equals("place_order"))
                .findFirst().orElseThrow(() -> new AssertionError(failed));
        assertEquals("ERROR", placeOrder.status(), String.valueOf(placeOrder));
        assertEquals(List.of("dev.observe.demo.InvalidOrderException"), placeOrder.exceptionTypes());
        assertTrue(failed.stream().anyMatch(span -> span.kind().equals("SERVER")
                && span.spanId().equals(placeOrder.parentSpanId())), "the whole trace: " + failed);
        // The successful order ended before the failing one was even sent: it was decided, and dropped.
        assertEquals(List.of(), receiver.trace(dropped));
    }
}
