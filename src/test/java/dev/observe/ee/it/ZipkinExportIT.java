package dev.observe.ee.it;

import static dev.observe.ee.it.Deployments.server;
import static dev.observe.ee.it.OtlpExportIT.DROPPED_BY_RATIO;
import static dev.observe.ee.it.OtlpExportIT.KEPT_BY_RATIO;
import static dev.observe.ee.it.OtlpExportIT.traceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.net.URL;
import java.util.List;
import java.util.Map;
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
 * The demo exporting to a real Zipkin server (3.5.1, started by the test on 127.0.0.1) with OpenTelemetry's Zipkin
 * exporter: the runtime's own on Open Liberty; on Payara Micro and on a runtime without MicroProfile Telemetry the
 * WAR brings it (docs/backends.md). As in {@link OtlpExportIT}, the error-keeping tail sampler runs at ratio 0.5
 * and the test picks trace ids either side of its bound: a kept order arrives complete with both hops and its
 * parent links as Zipkin stores them, a dropped successful order is not there, a failing order the ratio would
 * drop is, with its error.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
@OnLibertyBare
class ZipkinExportIT {

    private static final String SERVICE = "orders-zipkin";
    private static ZipkinServer zipkin;

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive demo = Deployments.demo("mp.config.profile=prod\n"
                + "otel.service.name=" + SERVICE + "\n"
                + "otel.traces.exporter=zipkin\n"
                + "otel.exporter.zipkin.endpoint=http://127.0.0.1:" + System.getProperty("it.zipkin.port")
                + "/api/v2/spans\n"
                + "otel.bsp.schedule.delay=100\n"
                + "observe.sampling.ratio=0.5\n");
        if (Deployments.bareRuntime() || server().startsWith("payara")) {
            demo.addAsLibraries(Deployments.jarsIn("zipkin.exporter.dir"));
        }
        return demo;
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startZipkin() throws Exception {
        zipkin = ZipkinServer.start(Integer.getInteger("it.zipkin.port"));
    }

    @AfterAll
    static void stopZipkin() throws Exception {
        if (zipkin != null) {
            zipkin.close();
        }
    }

    private static Map<String, JsonObject> byName(JsonArray spans) {
        return spans.getValuesAs(JsonObject.class).stream().collect(Collectors.toMap(
                span -> span.getString("name", ""), Function.identity(), (first, second) -> first));
    }

    @Test
    void aKeptOrderArrivesCompleteWithBothHops() throws Exception {
        String traceId = traceId(KEPT_BY_RATIO);
        assertEquals(201, Http.postJson(base, "api/orders", "{\"items\":[{\"sku\":\"A1\",\"quantity\":2,\"price\":9.99}]}",
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").statusCode());

        JsonArray trace = zipkin.awaitTrace(traceId, 6);
        Map<String, JsonObject> spans = byName(trace);
        assertEquals(6, trace.size(), String.valueOf(spans.keySet()));
        // Zipkin stores span and service names in lower case.
        JsonObject serverSpan = spans.get("post " + base.getPath() + "api/orders");
        JsonObject placeOrder = spans.get("place_order");
        JsonObject inventory = spans.get("post " + base.getPath() + "api/inventory/{sku}/reservations");
        JsonObject client = trace.getValuesAs(JsonObject.class).stream()
                .filter(span -> "CLIENT".equals(span.getString("kind", ""))).findFirst()
                .orElseThrow(() -> new AssertionError("no CLIENT span: " + spans.keySet()));
        assertEquals("SERVER", serverSpan.getString("kind"));
        assertEquals("00f067aa0ba902b7", serverSpan.getString("parentId"));
        assertEquals(serverSpan.getString("id"), placeOrder.getString("parentId"));
        assertEquals(placeOrder.getString("id"), spans.get("create_order_record").getString("parentId"));
        assertEquals(placeOrder.getString("id"), spans.get("create_order_items").getString("parentId"));
        assertEquals(placeOrder.getString("id"), client.getString("parentId"));
        assertEquals(client.getString("id"), inventory.getString("parentId"));
        for (JsonObject span : trace.getValuesAs(JsonObject.class)) {
            assertEquals(SERVICE, span.getJsonObject("localEndpoint").getString("serviceName"), span.toString());
        }
    }

    @Test
    void aSuccessfulOrderTheRatioDropsIsNotThereAndAFailingOneIsWithItsError() throws Exception {
        String dropped = traceId(DROPPED_BY_RATIO);
        String failing = traceId(DROPPED_BY_RATIO);
        assertEquals(201, Http.postJson(base, "api/orders", "{\"items\":[{\"sku\":\"A1\",\"quantity\":1,\"price\":5}]}",
                "traceparent", "00-" + dropped + "-00f067aa0ba902b7-01").statusCode());
        assertEquals(400, Http.postJson(base, "api/orders", "{\"items\":[]}",
                "traceparent", "00-" + failing + "-00f067aa0ba902b7-01").statusCode());

        JsonArray trace = zipkin.awaitTrace(failing, 2);
        JsonObject placeOrder = byName(trace).get("place_order");
        assertTrue(placeOrder != null, String.valueOf(trace));
        JsonObject tags = placeOrder.getJsonObject("tags");
        assertEquals("ERROR", tags.getString("otel.status_code", null), String.valueOf(placeOrder));
        assertTrue(tags.containsKey("error"), String.valueOf(placeOrder));
        assertTrue(placeOrder.getJsonArray("annotations").toString()
                .contains("dev.observe.demo.InvalidOrderException"), "the exception event: " + placeOrder);
        assertTrue(trace.getValuesAs(JsonObject.class).stream()
                .anyMatch(span -> "SERVER".equals(span.getString("kind", ""))
                        && span.getString("id").equals(placeOrder.getString("parentId"))),
                "the whole trace: " + trace);
        assertEquals(List.of(), zipkin.trace(dropped));
    }
}
