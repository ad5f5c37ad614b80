package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.it.app.SpanCollector;

import jakarta.json.JsonObject;

import java.io.File;
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
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The guide's custom spans in the demo, as exported: {@code POST /api/orders} → {@code place_order} (with
 * {@code user.id}, {@code order.item_count}, {@code order.id}, {@code order.total}) → {@code create_order_record},
 * {@code create_order_items} and the inventory call (CLIENT → the inventory's SERVER span: two hops, one trace);
 * a failing order's {@code place_order} has status ERROR and the exception event.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
class DemoSpansIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withSpanCollector(ShrinkWrap.createFromZipFile(WebArchive.class,
                new File(System.getProperty("demo.war"))));
    }

    @ArquillianResource
    URL base;

    @Test
    void placeOrderWithItsChildren() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        assertEquals(201, Http.postJson(base, "api/orders", "{\"items\":[{\"sku\":\"A1\",\"quantity\":2,\"price\":9.99}]}",
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").statusCode());

        Map<String, JsonObject> spans = byName(spans(traceId, 6));
        JsonObject serverSpan = spans.get("POST " + base.getPath() + "api/orders");
        JsonObject placeOrder = spans.get("place_order");
        assertEquals("SERVER", serverSpan.getString("kind"), String.valueOf(spans.keySet()));
        assertEquals(serverSpan.getString("spanId"), placeOrder.getString("parentSpanId"));
        JsonObject attributes = placeOrder.getJsonObject("attributes");
        assertEquals("anonymous", attributes.getString("user.id"));
        assertEquals("1", attributes.getString("order.item_count"));
        assertTrue(attributes.containsKey("order.id"), String.valueOf(attributes));
        assertEquals("19.98", attributes.getString("order.total"));
        for (String child : new String[] {"create_order_record", "create_order_items"}) {
            assertEquals(placeOrder.getString("spanId"), spans.get(child).getString("parentSpanId"),
                    child);
            assertEquals("INTERNAL", spans.get(child).getString("kind"));
        }
        assertEquals("UNSET", placeOrder.getString("status"));

        JsonObject inventory = spans.get("POST " + base.getPath() + "api/inventory/{sku}/reservations");
        JsonObject client = spans.values().stream().filter(span -> "CLIENT".equals(span.getString("kind")))
                .findFirst().orElseThrow(() -> new AssertionError("no CLIENT span: " + spans.keySet()));
        assertEquals(placeOrder.getString("spanId"), client.getString("parentSpanId"), "the call is "
                + "made inside place_order");
        assertEquals(client.getString("spanId"), inventory.getString("parentSpanId"), "the second hop");
        assertEquals(6, spans.size(), String.valueOf(spans.keySet()));
    }

    @Test
    void aFailedOrderIsAnErrorWithTheException() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        assertEquals(400, Http.postJson(base, "api/orders", "{\"items\":[]}",
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").statusCode());

        JsonObject placeOrder = byName(spans(traceId, 2)).get("place_order");
        assertEquals("ERROR", placeOrder.getString("status"), String.valueOf(placeOrder));
        assertEquals("dev.observe.demo.InvalidOrderException",
                placeOrder.getJsonArray("events").getJsonObject(0).getString("exception.type"));
    }

    private List<JsonObject> spans(String traceId, int expected) throws Exception {
        return Spans.awaitTrace(base, "api/collected-spans", traceId, expected);
    }

    private static Map<String, JsonObject> byName(List<JsonObject> spans) {
        return spans.stream().collect(Collectors.toMap(span -> span.getString("name"), Function.identity()));
    }
}
